package org.singanseg.studio.core.seg;

import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataType;
import org.singanseg.studio.core.nn.Sequential;

/**
 * How a segmentation network is trained: images and masks resized to size x size, a
 * {@code model} ({@link UNet} or {@link UNetPlusPlus}) of {@code depth} levels and base width
 * {@code width}, mini-batches of {@code batchSize}, Adam (betas 0.9, 0.999) at
 * {@code learningRate} for {@code epochs} passes over the data (or a step budget that the caller
 * gives), with the rate x0.1 for the last 20% of the steps; random flips, 90-degree rotations,
 * zoom and colour jitter when {@code augment} ({@link Augmentation}). {@code seed} fixes the
 * initial weights, the order of the samples and the augmentations.
 */
public record SegmentationSettings(int size, SegmentationModel model, int depth, int width, int batchSize, int epochs,
                                   double learningRate, boolean augment, long seed) {

    /**
     * 128 px, a U-Net of depth 4, width 16, batches of 8, 40 epochs, rate 1e-3 (Adam's usual),
     * augmented, seed 1. A higher rate learns faster but sometimes ends with a network that marks
     * nothing on any held-out image (all logits negative), which no score can tell from "no polyp
     * anywhere".
     */
    public static SegmentationSettings defaults() {
        return new SegmentationSettings(128, SegmentationModel.UNET, 4, 16, 8, 40, 1e-3, true, 1);
    }

    public SegmentationSettings withSize(int newSize) {
        return new SegmentationSettings(newSize, model, depth, width, batchSize, epochs, learningRate, augment, seed);
    }

    public SegmentationSettings withEpochs(int newEpochs) {
        return new SegmentationSettings(size, model, depth, width, batchSize, newEpochs, learningRate, augment, seed);
    }

    public SegmentationSettings withSeed(long newSeed) {
        return new SegmentationSettings(size, model, depth, width, batchSize, epochs, learningRate, augment, newSeed);
    }

    public SegmentationSettings withAugment(boolean newAugment) {
        return new SegmentationSettings(size, model, depth, width, batchSize, epochs, learningRate, newAugment, seed);
    }

    public SegmentationSettings withModel(SegmentationModel newModel) {
        return new SegmentationSettings(size, newModel, depth, width, batchSize, epochs, learningRate, augment, seed);
    }

    /** This model's network for these settings: RGB in, one channel of logits out, float precision. */
    public Sequential network() {
        return model.network(DataType.FLOAT, 3, depth, width);
    }

    /** Returns these settings, or throws IllegalArgumentException saying what is wrong. */
    public SegmentationSettings validated() {
        if (model == null) {
            throw new IllegalArgumentException("No segmentation model given");
        }
        // Both models need the same sides.
        int multiple = UNet.sideMultiple(Math.max(depth, 1));
        if (depth < 1 || width < 1 || batchSize < 1 || epochs < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("Depth, width, batch size, epochs and learning rate must be positive: "
                    + describe());
        }
        // At least 2x2 pixels at the lowest level, so its normalisation has a variance to divide by.
        if (size % multiple != 0 || size / multiple < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The size must be a multiple of %d and at least %d for depth %d, got %d",
                    multiple, 2 * multiple, depth, size));
        }
        return this;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%dx%d px, %s depth %d width %d, batch %d, %d epochs, lr %s, %s, seed %d",
                size, size, model.displayName(), depth, width, batchSize, epochs,
                Double.toString(learningRate), augment ? "augmented" : "not augmented", seed);
    }
}
