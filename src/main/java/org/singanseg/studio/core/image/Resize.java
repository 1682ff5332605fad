package org.singanseg.studio.core.image;

/**
 * MATLAB-style bicubic resizing (Keys cubic, a = -0.5) with antialiasing when shrinking and
 * mirrored borders: what SinGAN's imresize does, without its rounding to 8 bits between scales.
 */
public final class Resize {
    private Resize() {
    }

    /** Resizes to the given size (each axis by its own ratio of output to input size). */
    public static Planes bicubic(Planes in, int outHeight, int outWidth) {
        return resize(in, outHeight, outWidth, (double) outHeight / in.height(), (double) outWidth / in.width());
    }

    /**
     * Resizes by {@code factor} on both axes and keeps the top-left outHeight x outWidth of the
     * result, as SinGAN's imresize(x, factor) followed by a crop: the sampling positions follow the
     * factor, not the ratio of the sizes (which differ by the rounding up of sizes). A size beyond
     * ceil(input * factor) continues the same grid with mirrored borders.
     */
    public static Planes byFactor(Planes in, double factor, int outHeight, int outWidth) {
        return resize(in, outHeight, outWidth, factor, factor);
    }

    private static Planes resize(Planes in, int outHeight, int outWidth, double heightScale, double widthScale) {
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("Output size must be positive: " + outWidth + "x" + outHeight);
        }
        Contributions columns = new Contributions(in.width(), outWidth, widthScale);
        Contributions rows = new Contributions(in.height(), outHeight, heightScale);
        Planes out = Planes.zeros(in.channels(), outHeight, outWidth);
        float[] temp = new float[in.height() * outWidth];
        for (int c = 0; c < in.channels(); c++) {
            float[] src = in.plane(c);
            for (int y = 0; y < in.height(); y++) {
                columns.apply(src, y * in.width(), 1, temp, y * outWidth, 1);
            }
            float[] dst = out.plane(c);
            for (int x = 0; x < outWidth; x++) {
                rows.apply(temp, x, outWidth, dst, x, outWidth);
            }
        }
        return out;
    }

    /** For one axis: which input samples, with which weights, make each output sample. */
    private static final class Contributions {
        private final int[][] indices;
        private final double[][] weights;

        Contributions(int inLength, int outLength, double scale) {
            boolean antialias = scale < 1;
            double kernelWidth = antialias ? 4 / scale : 4;
            int taps = (int) Math.ceil(kernelWidth) + 2;
            indices = new int[outLength][taps];
            weights = new double[outLength][taps];
            for (int i = 0; i < outLength; i++) {
                // Centre of output sample i (1-based, as in MATLAB) in input coordinates.
                double u = (i + 1) / scale + 0.5 * (1 - 1 / scale);
                int left = (int) Math.floor(u - kernelWidth / 2);
                double sum = 0;
                for (int t = 0; t < taps; t++) {
                    int index = left + t;
                    double distance = u - index;
                    double w = antialias ? scale * cubic(scale * distance) : cubic(distance);
                    weights[i][t] = w;
                    indices[i][t] = mirror(index - 1, inLength);
                    sum += w;
                }
                for (int t = 0; t < taps; t++) {
                    weights[i][t] /= sum;
                }
            }
        }

        void apply(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset, int dstStride) {
            for (int i = 0; i < indices.length; i++) {
                double value = 0;
                int[] index = indices[i];
                double[] weight = weights[i];
                for (int t = 0; t < index.length; t++) {
                    value += weight[t] * src[srcOffset + index[t] * srcStride];
                }
                dst[dstOffset + i * dstStride] = (float) value;
            }
        }

        private static int mirror(int index, int length) {
            int period = 2 * length;
            int i = Math.floorMod(index, period);
            return i < length ? i : period - 1 - i;
        }

        private static double cubic(double x) {
            double ax = Math.abs(x);
            if (ax <= 1) {
                return 1.5 * ax * ax * ax - 2.5 * ax * ax + 1;
            }
            if (ax <= 2) {
                return -0.5 * ax * ax * ax + 2.5 * ax * ax - 4 * ax + 2;
            }
            return 0;
        }
    }
}
