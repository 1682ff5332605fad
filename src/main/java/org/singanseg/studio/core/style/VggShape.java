package org.singanseg.studio.core.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The convolutions of a VGG19 feature stack: five blocks of 2, 2, 4, 4 and 4 convolutions 3x3
 * (same padding, each followed by a ReLU), a 2x2 max pooling after each block. {@link #VGG19} has
 * ImageNet VGG19's widths 64, 128, 256, 512, 512; tests use the same shape with a few channels.
 *
 * @param widths output channels of each block's convolutions, five of them
 */
public record VggShape(List<Integer> widths) {
    /** Input channels: RGB. */
    public static final int INPUT_CHANNELS = 3;
    public static final int KERNEL = 3;
    private static final int[] CONVS_PER_BLOCK = {2, 2, 4, 4, 4};
    public static final VggShape VGG19 = new VggShape(List.of(64, 128, 256, 512, 512));

    /**
     * One convolution.
     *
     * @param block 1-based block number
     * @param index 1-based number within the block
     */
    public record Conv(int block, int index, int inChannels, int outChannels) {
        /** The Keras layer (and weights group) name, e.g. {@code block3_conv2}. */
        public String kerasName() {
            return String.format(Locale.ROOT, "block%d_conv%d", block, index);
        }

        /** The name the style-transfer literature uses, e.g. {@code conv3_2}. */
        public String name() {
            return String.format(Locale.ROOT, "conv%d_%d", block, index);
        }

        /** Kernel shape as stored: height, width, input channels, output channels (HWIO). */
        public long[] kernelShape() {
            return new long[]{KERNEL, KERNEL, inChannels, outChannels};
        }
    }

    public VggShape {
        widths = List.copyOf(widths);
        if (widths.size() != CONVS_PER_BLOCK.length) {
            throw new IllegalArgumentException("A VGG19 shape has 5 block widths, got " + widths);
        }
    }

    /** All 16 convolutions, input to output. */
    public List<Conv> convs() {
        List<Conv> convs = new ArrayList<>();
        int in = INPUT_CHANNELS;
        for (int b = 0; b < CONVS_PER_BLOCK.length; b++) {
            for (int i = 0; i < CONVS_PER_BLOCK[b]; i++) {
                convs.add(new Conv(b + 1, i + 1, in, widths.get(b)));
                in = widths.get(b);
            }
        }
        return convs;
    }

    /** The convolution of that name ({@code conv4_1}). */
    public Conv conv(String name) {
        return convs().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown VGG19 layer " + name
                        + "; the layers are conv1_1, conv1_2, conv2_1, ..., conv5_4."));
    }
}
