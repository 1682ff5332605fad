package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-(image, channel) passes over channels-last [B, H, W, C] arrays, done in Java. libnd4j's
 * reductions and broadcasts over the pixel axes of such arrays cost several plain passes each
 * (measured on 2x25x34x32: moments 103 us and a broadcast multiply plus add 110 us, against 55 us
 * for both Java passes), and one pass here does the work of several ops. Values move through
 * small double buffers in chunks of whole pixels ({@link HostValues}), so float and double arrays
 * share the code and sums are accumulated in double. Not thread-safe, like all engine objects.
 */
final class ChannelPasses {
    private static final int CHUNK = 1 << 14;

    private final double[] first = new double[CHUNK];
    private final double[] second = new double[CHUNK];
    private final HostValues values = new HostValues();

    /** Per image and channel (image-major): mean and biased variance over the pixels. */
    void moments(INDArray x, double[] means, double[] variances) {
        new Walk(x) {
            @Override
            void chunk(int image, int length) {
                values.read(x, offset, length, first);
                int base = image * channels;
                for (int i = 0; i < length; i += channels) {
                    for (int c = 0; c < channels; c++) {
                        double v = first[i + c];
                        means[base + c] += v;
                        variances[base + c] += v * v;
                    }
                }
            }
        }.run(means, variances);
        long n = x.size(1) * x.size(2);
        for (int i = 0; i < means.length; i++) {
            means[i] /= n;
            variances[i] = Math.max(0, variances[i] / n - means[i] * means[i]);
        }
    }

    /**
     * out = f(scale * x + shift), with coefficients per image and channel (image-major) and
     * f(y) = y where y is positive, slope * y where it is negative (slope 1: no activation). With
     * {@code decide} the pass records per element whether y was negative (its sign bit, 1 or 0) in
     * {@code negative}; otherwise it follows the pattern already there (a frozen activation
     * pattern). The slope is applied as y * (1 - (1 - slope) * bit), without a branch: a branch on
     * the sign, taken half the time at random, made the pass several times slower.
     */
    void affine(INDArray x, double[] scale, double[] shift, double slope, byte[] negative, boolean decide,
                INDArray out) {
        double drop = 1 - slope;
        new Walk(x) {
            @Override
            void chunk(int image, int length) {
                values.read(x, offset, length, first);
                int base = image * channels;
                int at = (int) offset;
                for (int i = 0; i < length; i += channels) {
                    for (int c = 0; c < channels; c++) {
                        double y = scale[base + c] * first[i + c] + shift[base + c];
                        if (decide) {
                            negative[at + i + c] = (byte) (Double.doubleToRawLongBits(y) >>> 63);
                        }
                        first[i + c] = y * (1 - drop * negative[at + i + c]);
                    }
                }
                values.write(first, out, offset, length);
            }
        }.run();
    }

    /**
     * Per image and channel: the sums over the pixels of e and of e * x, where e is g taken back
     * through the activation of {@link #affine}: g where the pattern is positive, slope * g elsewhere.
     */
    void gradientSums(INDArray g, INDArray x, double slope, byte[] negative, double[] sumG, double[] sumGX) {
        double drop = 1 - slope;
        new Walk(x) {
            @Override
            void chunk(int image, int length) {
                values.read(g, offset, length, first);
                values.read(x, offset, length, second);
                int base = image * channels;
                int at = (int) offset;
                for (int i = 0; i < length; i += channels) {
                    for (int c = 0; c < channels; c++) {
                        double e = first[i + c] * (1 - drop * negative[at + i + c]);
                        sumG[base + c] += e;
                        sumGX[base + c] += e * second[i + c];
                    }
                }
            }
        }.run(sumG, sumGX);
    }

    /** out = a * e + b * x + c, with e as in {@link #gradientSums} and coefficients per image and channel. */
    void combine(INDArray g, INDArray x, double slope, byte[] negative, double[] a, double[] b, double[] c,
                 INDArray out) {
        double drop = 1 - slope;
        new Walk(x) {
            @Override
            void chunk(int image, int length) {
                values.read(g, offset, length, first);
                values.read(x, offset, length, second);
                int base = image * channels;
                int at = (int) offset;
                for (int i = 0; i < length; i += channels) {
                    for (int k = 0; k < channels; k++) {
                        double e = first[i + k] * (1 - drop * negative[at + i + k]);
                        first[i + k] = a[base + k] * e + b[base + k] * second[i + k] + c[base + k];
                    }
                }
                values.write(first, out, offset, length);
            }
        }.run();
    }

    /** Visits an array image by image in chunks of whole pixels; offset is the chunk's first element. */
    private abstract static class Walk {
        final int channels;
        private final long imageLength;
        private final int images;
        long offset;

        Walk(INDArray x) {
            if (x.rank() != 4 || !isWholeAndContiguous(x)) {
                throw new IllegalArgumentException("Expected a whole contiguous [B, H, W, C] array");
            }
            channels = (int) x.size(3);
            imageLength = x.size(1) * x.size(2) * channels;
            images = (int) x.size(0);
        }

        abstract void chunk(int image, int length);

        /**
         * Row-major strides from the buffer's start. Axes of size 1 may have any stride: ND4J's
         * own Shape.hasDefaultStridesForShape rejected a plain new [1, 8, 8, 1] array.
         */
        private static boolean isWholeAndContiguous(INDArray x) {
            long expected = 1;
            for (int axis = x.rank() - 1; axis >= 0; axis--) {
                if (x.size(axis) > 1 && x.stride(axis) != expected) {
                    return false;
                }
                expected *= x.size(axis);
            }
            return x.offset() == 0;
        }

        /** Clears the accumulators, then visits every chunk. */
        void run(double[]... accumulators) {
            for (double[] accumulator : accumulators) {
                java.util.Arrays.fill(accumulator, 0);
            }
            int chunkLength = Math.max(1, CHUNK / channels) * channels;
            for (int image = 0; image < images; image++) {
                long end = (image + 1) * imageLength;
                for (offset = image * imageLength; offset < end; offset += chunkLength) {
                    chunk(image, (int) Math.min(chunkLength, end - offset));
                }
            }
        }
    }
}
