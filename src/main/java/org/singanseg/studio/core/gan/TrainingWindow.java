package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The part of a scale that one training iteration looks at: the whole image, or a random window
 * of it at the fine scales of a preset that trains on windows. Every loss of a scale is a mean of
 * local terms (the critic scores 11x11 patches, the reconstruction compares pixels), so a random
 * window gives an unbiased estimate of the whole image's loss at a fraction of the arithmetic; the
 * generator sees the same input around each pixel as on the whole image, because windows are cut
 * from the zero-padded whole input.
 */
record TrainingWindow(int y, int x, int height, int width, boolean whole) {
    /** The smallest window: well above the 11x11 patches the critic scores. */
    static final int MIN_SIDE = 32;

    /**
     * @param side  the window's side; 0, or a side the image does not exceed, trains on the whole image
     * @param noise where the window lies; null for its size alone (at the top left)
     */
    static TrainingWindow draw(int height, int width, int side, NoiseSource noise) {
        if (side <= 0 || (height <= side && width <= side)) {
            return new TrainingWindow(0, 0, height, width, true);
        }
        int h = Math.min(height, side);
        int w = Math.min(width, side);
        if (noise == null) {
            return new TrainingWindow(0, 0, h, w, false);
        }
        int y = (int) (noise.uniform() * (height - h + 1));
        int x = (int) (noise.uniform() * (width - w + 1));
        return new TrainingWindow(y, x, h, w, false);
    }

    /** The pixels one iteration trains on at a scale of this size. */
    static double pixels(int height, int width, int side) {
        TrainingWindow window = draw(height, width, side, null);
        return (double) window.height() * window.width();
    }

    /** The window of an image [batch, height, width, channels]. */
    INDArray of(INDArray image) {
        return cut(image, 0);
    }

    /** The window of a zero-padded input, with the padding's worth of context on every side. */
    INDArray ofPadded(INDArray padded, int padding) {
        return cut(padded, padding);
    }

    private INDArray cut(INDArray image, int padding) {
        if (whole) {
            return image;
        }
        return image.get(NDArrayIndex.all(), NDArrayIndex.interval(y, y + height + 2L * padding),
                NDArrayIndex.interval(x, x + width + 2L * padding), NDArrayIndex.all()).dup();
    }
}
