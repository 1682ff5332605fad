package org.singanseg.studio.core.seg;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.nd4j.linalg.api.buffer.DataType;
import org.singanseg.studio.core.nn.Sequential;

/**
 * Which segmentation network an evaluation trains: the {@link UNet} (the default) or the
 * {@link UNetPlusPlus} that the SinGAN-Seg paper measured with. Both take the same depth and width
 * and the same input sizes.
 */
public enum SegmentationModel {
    UNET("unet", "U-Net", "the U-Net of Ronneberger et al. 2015"),
    UNET_PLUS_PLUS("unetpp", "UNet++", "UNet++ of Zhou et al. 2018, nested decoders with dense skip connections, "
            + "the SinGAN-Seg paper's network");

    private final String id;
    private final String displayName;
    private final String description;

    SegmentationModel(String id, String displayName, String description) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
    }

    /** Lower-case name for options and files: {@code unet} or {@code unetpp}. */
    public String id() {
        return id;
    }

    /** The network's usual name: {@code U-Net} or {@code UNet++}. */
    public String displayName() {
        return displayName;
    }

    /** The network in a few words, for help and error messages. */
    public String description() {
        return description;
    }

    /** The model whose {@link #id} this is (ignoring case and surrounding spaces). */
    public static SegmentationModel parse(String text) {
        for (SegmentationModel model : values()) {
            if (model.id.equalsIgnoreCase(text.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException("Unknown segmentation model '" + text + "'. Choose "
                + Arrays.stream(values()).map(model -> model.id + " (" + model.description + ")")
                .collect(Collectors.joining(" or ")) + ".");
    }

    /**
     * This network in a {@link Sequential} of its own: [B, H, W, inChannels] in, [B, H, W, 1] logits
     * out, sides multiples of {@link UNet#sideMultiple}(depth).
     */
    public Sequential network(DataType type, int inChannels, int depth, int width) {
        return switch (this) {
            case UNET -> UNet.network(type, inChannels, depth, width);
            case UNET_PLUS_PLUS -> UNetPlusPlus.network(type, inChannels, depth, width);
        };
    }
}
