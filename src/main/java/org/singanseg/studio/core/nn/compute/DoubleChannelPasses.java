package org.singanseg.studio.core.nn.compute;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ChannelPasses} for any data type, computing in double: the precise path that the
 * double-precision gradient checks run (training uses {@link FloatChannelPasses}). Values move
 * through small double buffers in chunks of whole pixels ({@link HostValues}). The slope pattern
 * is kept as one byte per element (1 where y was negative).
 */
final class DoubleChannelPasses extends ChannelPasses {
    private static final int CHUNK = 1 << 14;

    /** 1 - slope: the slope is applied as y * (1 - drop * negative), without a branch. */
    private final double drop;
    private final double[] first = new double[CHUNK];
    private final double[] second = new double[CHUNK];
    private final HostValues values = new HostValues();
    private INDArray input;
    private byte[] negative = new byte[0];
    private byte[] frozenPattern;
    private int frozenFrom;

    DoubleChannelPasses(double slope) {
        this.drop = 1 - slope;
    }

    @Override
    public void moments(INDArray x, double[] means, double[] variances) {
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

    @Override
    public void affine(INDArray x, double[] scale, double[] shift, INDArray out) {
        input = x;
        byte[] pattern = activationPattern(x);
        new Walk(x) {
            @Override
            void chunk(int image, int length) {
                boolean decide = !isFrozen(image);
                values.read(x, offset, length, first);
                int base = image * channels;
                int at = (int) offset;
                for (int i = 0; i < length; i += channels) {
                    for (int c = 0; c < channels; c++) {
                        double y = scale[base + c] * first[i + c] + shift[base + c];
                        if (decide) {
                            pattern[at + i + c] = (byte) (Double.doubleToRawLongBits(y) >>> 63);
                        }
                        first[i + c] = y * (1 - drop * pattern[at + i + c]);
                    }
                }
                values.write(first, out, offset, length);
            }
        }.run();
    }

    /**
     * The per-element slope choices for x (its first x.length() entries): to be filled by the
     * forward pass, or the frozen pattern repeated for the frozen images. Grows, never shrinks:
     * the critic alternates batches of several sizes.
     */
    private byte[] activationPattern(INDArray x) {
        int length = (int) x.length();
        if (negative.length < length) {
            negative = new byte[length];
        }
        if (frozenPattern != null) {
            for (int at = frozenFrom * frozenPattern.length; at < length; at += frozenPattern.length) {
                System.arraycopy(frozenPattern, 0, negative, at, frozenPattern.length);
            }
        }
        return negative;
    }

    private boolean isFrozen(int image) {
        return frozenPattern != null && image >= frozenFrom;
    }

    @Override
    public void gradientSums(INDArray g, double[] sumG, double[] sumGX) {
        new Walk(input) {
            @Override
            void chunk(int image, int length) {
                readGradientAndInput(g, offset, length);
                int base = image * channels;
                for (int i = 0; i < length; i += channels) {
                    for (int c = 0; c < channels; c++) {
                        sumG[base + c] += first[i + c];
                        sumGX[base + c] += first[i + c] * second[i + c];
                    }
                }
            }
        }.run(sumG, sumGX);
    }

    @Override
    public void combine(INDArray g, double[] a, double[] b, double[] c, INDArray out) {
        new Walk(input) {
            @Override
            void chunk(int image, int length) {
                readGradientAndInput(g, offset, length);
                int base = image * channels;
                for (int i = 0; i < length; i += channels) {
                    for (int k = 0; k < channels; k++) {
                        first[i + k] = a[base + k] * first[i + k] + b[base + k] * second[i + k] + c[base + k];
                    }
                }
                values.write(first, out, offset, length);
            }
        }.run();
    }

    /** e = g times the activation's slope into {@link #first}, the forward's input into {@link #second}. */
    private void readGradientAndInput(INDArray g, long offset, int length) {
        values.read(g, offset, length, first);
        values.read(input, offset, length, second);
        int at = (int) offset;
        for (int i = 0; i < length; i++) {
            first[i] *= 1 - drop * negative[at + i];
        }
    }

    @Override
    public void freeze(int fromImage) {
        int imageLength = (int) (input.length() / input.size(0));
        frozenPattern = Arrays.copyOf(negative, imageLength);
        frozenFrom = fromImage;
    }

    @Override
    public void unfreeze() {
        frozenPattern = null;
    }

    /** Visits an array image by image in chunks of whole pixels; offset is the chunk's first element. */
    private abstract static class Walk {
        final int channels;
        private final long imageLength;
        private final int images;
        long offset;

        Walk(INDArray x) {
            ChannelPasses.requireWholeContiguous(x);
            channels = (int) x.size(3);
            imageLength = x.size(1) * x.size(2) * channels;
            images = (int) x.size(0);
        }

        abstract void chunk(int image, int length);

        /** Clears the accumulators, then visits every chunk. */
        void run(double[]... accumulators) {
            for (double[] accumulator : accumulators) {
                Arrays.fill(accumulator, 0);
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
