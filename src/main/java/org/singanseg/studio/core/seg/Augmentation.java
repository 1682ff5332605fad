package org.singanseg.studio.core.seg;

import java.util.Random;

/**
 * How one training image is altered before a step, as segmentation practice does it: one of the
 * square's eight symmetries (flips and 90-degree rotations), a zoom into a random crop of
 * {@value #MIN_CROP} to 1 of the side, and a small change of brightness, contrast and of each
 * colour channel's gain. The mask follows the geometry (nearest pixel) and never the colours.
 *
 * @param symmetry    0-7: bit 0 mirrors left to right, bit 1 top to bottom, bit 2 swaps rows and columns
 * @param crop        side of the crop as a share of the image's, in (0, 1]
 * @param cropY       top of the crop as a share of the room left, in [0, 1]
 * @param cropX       left of the crop as a share of the room left, in [0, 1]
 * @param brightness  added to every channel (images are in [0, 1])
 * @param contrast    factor around the image's mean grey
 * @param gains       factor per RGB channel
 */
record Augmentation(int symmetry, double crop, double cropY, double cropX, float brightness, float contrast,
                    float[] gains) {
    static final double MIN_CROP = 0.85;
    private static final double BRIGHTNESS = 0.06;
    private static final double CONTRAST = 0.1;
    private static final double GAIN = 0.05;

    /** The image as it is. */
    static final Augmentation NONE = new Augmentation(0, 1, 0, 0, 0, 1, new float[]{1, 1, 1});

    static Augmentation random(Random random) {
        return new Augmentation(random.nextInt(8), MIN_CROP + (1 - MIN_CROP) * random.nextDouble(),
                random.nextDouble(), random.nextDouble(), (float) spread(random, BRIGHTNESS),
                (float) (1 + spread(random, CONTRAST)), new float[]{(float) (1 + spread(random, GAIN)),
                (float) (1 + spread(random, GAIN)), (float) (1 + spread(random, GAIN))});
    }

    private static double spread(Random random, double half) {
        return (2 * random.nextDouble() - 1) * half;
    }

    /**
     * Writes the altered image and mask of size x size into the batch arrays at {@code slot}.
     *
     * @param image channels-last RGB, size x size
     * @param mask  0/1, size x size
     */
    void apply(float[] image, float[] mask, int size, int slot, float[] batchImages, float[] batchMasks) {
        int pixels = size * size;
        double side = crop * size;
        double top = cropY * (size - side);
        double left = cropX * (size - side);
        double step = side / size;
        float mean = meanGrey(image);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int u = (symmetry & 4) != 0 ? x : y;
                int v = (symmetry & 4) != 0 ? y : x;
                if ((symmetry & 2) != 0) {
                    u = size - 1 - u;
                }
                if ((symmetry & 1) != 0) {
                    v = size - 1 - v;
                }
                // Pixel centres of the crop, in source pixels.
                double sy = top + (u + 0.5) * step - 0.5;
                double sx = left + (v + 0.5) * step - 0.5;
                int target = slot * pixels + y * size + x;
                batchMasks[target] = mask[clamp((int) Math.round(sy), size) * size + clamp((int) Math.round(sx), size)];
                for (int c = 0; c < 3; c++) {
                    float value = bilinear(image, size, sy, sx, c);
                    value = ((value - mean) * contrast + mean) * gains[c] + brightness;
                    batchImages[target * 3 + c] = Math.min(1f, Math.max(0f, value));
                }
            }
        }
    }

    private static float meanGrey(float[] image) {
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        return (float) (sum / image.length);
    }

    private static float bilinear(float[] image, int size, double y, double x, int channel) {
        int y0 = clamp((int) Math.floor(y), size);
        int x0 = clamp((int) Math.floor(x), size);
        int y1 = clamp(y0 + 1, size);
        int x1 = clamp(x0 + 1, size);
        double fy = Math.min(1, Math.max(0, y - Math.floor(y)));
        double fx = Math.min(1, Math.max(0, x - Math.floor(x)));
        double top = image[(y0 * size + x0) * 3 + channel] * (1 - fx) + image[(y0 * size + x1) * 3 + channel] * fx;
        double bottom = image[(y1 * size + x0) * 3 + channel] * (1 - fx) + image[(y1 * size + x1) * 3 + channel] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static int clamp(int i, int size) {
        return Math.min(size - 1, Math.max(0, i));
    }
}
