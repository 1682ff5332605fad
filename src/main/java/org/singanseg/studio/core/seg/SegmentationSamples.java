package org.singanseg.studio.core.seg;

import java.util.List;

import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * Training pairs resized once to the network's square size and kept as plain floats, channels-last
 * (the engine's layout), from which mini-batches are copied, augmented or not. Images are resized
 * bicubically with antialiasing; masks the same way as 0/1 planes, then thresholded at 0.5
 * ({@link TrainingPair#resized}).
 */
final class SegmentationSamples {
    private static final int CHANNELS = 3;

    private final int size;
    private final float[][] images;
    private final float[][] masks;

    SegmentationSamples(List<TrainingPair> pairs, int size) {
        this.size = size;
        images = new float[pairs.size()][];
        masks = new float[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            TrainingPair pair = pairs.get(i);
            if (pair.mask().length != pair.height() * pair.width()) {
                throw new IllegalArgumentException(pair.imageName() + ": the mask does not match the image's size");
            }
            TrainingPair square = pair.resized(size, size);
            images[i] = channelsLast(square.rgb(), size);
            masks[i] = new float[square.mask().length];
            for (int p = 0; p < masks[i].length; p++) {
                masks[i][p] = square.mask()[p] ? 1 : 0;
            }
        }
    }

    int count() {
        return images.length;
    }

    int size() {
        return size;
    }

    /** Floats per image in a batch array. */
    int imageLength() {
        return size * size * CHANNELS;
    }

    /**
     * Copies sample {@code sample}, altered by {@code augmentation}, into position {@code slot} of
     * batch arrays ([B, size, size, 3] and [B, size, size, 1], row-major).
     */
    void copy(int sample, int slot, Augmentation augmentation, float[] batchImages, float[] batchMasks) {
        augmentation.apply(images[sample], masks[sample], size, slot, batchImages, batchMasks);
    }

    /** An RGB image resized to size x size, channels-last: the network's input for one image. */
    static float[] channelsLast(Planes rgb, int size) {
        if (rgb.channels() != CHANNELS) {
            throw new IllegalArgumentException("Expected an RGB image, got " + rgb.channels() + " channels");
        }
        Planes resized = resized(rgb, size, size);
        float[] out = new float[size * size * CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            float[] plane = resized.plane(c);
            for (int i = 0; i < plane.length; i++) {
                out[i * CHANNELS + c] = plane[i];
            }
        }
        return out;
    }

    /** Bicubic resize; none when the size already matches. */
    static Planes resized(Planes planes, int height, int width) {
        return planes.height() == height && planes.width() == width ? planes : Resize.bicubic(planes, height, width);
    }
}
