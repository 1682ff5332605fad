package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The part of a scale that one training iteration looks at: the whole image, or a random window
 * of it at the fine scales of a preset that trains on windows. Every loss of a scale is a mean of
 * local terms (the critic scores 11x11 patches, the reconstruction compares pixels), so a random
 * window, with every pixel in about as many windows as any other ({@link #start}), estimates the
 * whole image's loss at a fraction of the arithmetic; the generator sees the same input around
 * each pixel as on the whole image, because windows are cut from the zero-padded whole input.
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
        return new TrainingWindow(start(noise.uniform(), height, h), start(noise.uniform(), width, w), h, w, false);
    }

    /**
     * Where a window of {@code side} starts along a side of {@code size}, for a uniform draw {@code u}
     * in [0, 1). Uniform starts would cover a border pixel once per {@code side} covers of an inner
     * one, leaving the borders untrained (visible as stripes along the edges of samples). Starts drawn
     * half a window beyond either end and clamped put the windows flush with the border that often,
     * so every pixel is covered between half and one and a half times as often as an inner one.
     */
    static int start(double u, int size, int side) {
        int reach = side / 2;
        int start = (int) (u * (size - side + 1 + 2 * reach)) - reach;
        return Math.max(0, Math.min(size - side, start));
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
