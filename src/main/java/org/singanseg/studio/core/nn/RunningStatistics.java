package org.singanseg.studio.core.nn;

/**
 * PyTorch BatchNorm2d's running estimates per channel (momentum 0.1, mean from 0, variance
 * from 1): every image folded in moves them a tenth of the way towards that image's mean and
 * unbiased variance. SinGAN's finished generators normalise with these (G.eval()).
 */
final class RunningStatistics {
    static final double MOMENTUM = 0.1;

    private final double[] mean;
    private final double[] variance;

    RunningStatistics(int channels) {
        mean = new double[channels];
        variance = new double[channels];
        java.util.Arrays.fill(variance, 1.0);
    }

    int channels() {
        return mean.length;
    }

    double mean(int channel) {
        return mean[channel];
    }

    double variance(int channel) {
        return variance[channel];
    }

    /**
     * Folds in one image's statistics.
     *
     * @param means           per image and channel, image-major
     * @param biasedVariances likewise, divided by {@code pixels} (PyTorch stores n / (n - 1) times this)
     */
    void add(double[] means, double[] biasedVariances, int image, long pixels) {
        double unbiased = pixels / (pixels - 1.0);
        for (int c = 0; c < mean.length; c++) {
            int i = image * mean.length + c;
            mean[c] = (1 - MOMENTUM) * mean[c] + MOMENTUM * means[i];
            variance[c] = (1 - MOMENTUM) * variance[c] + MOMENTUM * biasedVariances[i] * unbiased;
        }
    }

    /** Writes means then variances from {@code offset}; returns the offset after them. */
    int copyTo(double[] target, int offset) {
        System.arraycopy(mean, 0, target, offset, mean.length);
        System.arraycopy(variance, 0, target, offset + mean.length, variance.length);
        return offset + 2 * mean.length;
    }

    /** Reads what {@link #copyTo} wrote; returns the offset after it. */
    int copyFrom(double[] source, int offset) {
        System.arraycopy(source, offset, mean, 0, mean.length);
        System.arraycopy(source, offset + mean.length, variance, 0, variance.length);
        return offset + 2 * mean.length;
    }
}
