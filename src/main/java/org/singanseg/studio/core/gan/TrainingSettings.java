package org.singanseg.studio.core.gan;

import java.util.Locale;

/**
 * Every setting of SinGAN-Seg training. {@link #paper()} is the reference (Thambawita et al.,
 * after SinGAN's defaults); the other presets trade size and iterations for time on a CPU.
 *
 * @param maxSize          longer side of the finest scale, px
 * @param minSize          shorter side of the coarsest scale, px
 * @param scaleFactor      initial factor between scales (recomputed to fit min/max size)
 * @param iterations       iterations per scale (the learning rates drop tenfold after 80% of them,
 *                         see {@link org.singanseg.studio.core.nn.StepSchedule#singan})
 * @param criticSteps      critic updates per iteration
 * @param generatorSteps   generator updates per iteration
 * @param learningRateG    Adam learning rate of the generators
 * @param learningRateD    Adam learning rate of the critics
 * @param beta1            Adam beta1 (beta2 is 0.999)
 * @param alpha            weight of the reconstruction loss
 * @param lambda           weight of the gradient penalty
 * @param widthInitial     network width (nfc) at the coarsest scale
 * @param widthMax         largest width
 * @param widthDoublingEvery the width doubles every this many scales (0: never)
 * @param noiseAmpFactor   noise amplitude = this times the RMSE of the upsampled reconstruction
 * @param seed             random seed: the same seed on the same machine gives the same model
 */
public record TrainingSettings(String preset, int maxSize, int minSize, double scaleFactor, int iterations,
                               int criticSteps, int generatorSteps, double learningRateG, double learningRateD,
                               double beta1, double alpha, double lambda, int widthInitial, int widthMax,
                               int widthDoublingEvery, double noiseAmpFactor, long seed) {

    public static final String[] PRESETS = {"quick", "standard", "paper"};

    /** The reference settings: 250 px, 2000 iterations per scale, width 32 growing to 128. */
    public static TrainingSettings paper() {
        return new TrainingSettings("paper", 250, 25, 0.75, 2000, 3, 3, 5e-4, 5e-4, 0.5, 10, 0.1, 32, 128, 4, 0.1, 1);
    }

    /** A smaller model that trains in about an hour on a laptop CPU. */
    public static TrainingSettings standard() {
        return new TrainingSettings("standard", 160, 25, 0.75, 800, 3, 3, 5e-4, 5e-4, 0.5, 10, 0.1, 32, 64, 4, 0.1, 1);
    }

    /** A usable model within minutes on a 2-core CPU: small, narrow, few iterations. */
    public static TrainingSettings quick() {
        return new TrainingSettings("quick", 96, 25, 0.75, 300, 2, 2, 5e-4, 5e-4, 0.5, 10, 0.1, 32, 32, 0, 0.1, 1);
    }

    public static TrainingSettings preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> quick();
            case "standard" -> standard();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("Unknown preset '" + name
                    + "'. Choose one of: quick, standard, paper.");
        };
    }

    /** The same settings with another seed (batch training gives every pair its own). */
    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(preset, maxSize, minSize, scaleFactor, iterations, criticSteps, generatorSteps,
                learningRateG, learningRateD, beta1, alpha, lambda, widthInitial, widthMax, widthDoublingEvery,
                noiseAmpFactor, newSeed);
    }

    /** The same settings with another iteration count per scale. */
    public TrainingSettings withIterations(int newIterations) {
        return new TrainingSettings(preset, maxSize, minSize, scaleFactor, newIterations, criticSteps, generatorSteps,
                learningRateG, learningRateD, beta1, alpha, lambda, widthInitial, widthMax, widthDoublingEvery,
                noiseAmpFactor, seed);
    }

    /** Network width at a scale: widthInitial * 2^floor(scale / doublingEvery), at most widthMax. */
    public int widthAt(int scale) {
        int doublings = widthDoublingEvery > 0 ? scale / widthDoublingEvery : 0;
        return (int) Math.min((long) widthInitial << Math.min(doublings, 20), widthMax);
    }

    /** The network width of every scale of a pyramid with this many scales. */
    public int[] widths(int scales) {
        int[] widths = new int[scales];
        for (int k = 0; k < scales; k++) {
            widths[k] = widthAt(k);
        }
        return widths;
    }

    /** Checks ranges; the message says which setting is wrong. */
    public TrainingSettings validated() {
        require(minSize >= 10, "min size must be at least 10 px");
        require(maxSize >= minSize, "max size must be at least the min size");
        require(scaleFactor > 0.3 && scaleFactor < 1, "scale factor must be between 0.3 and 1");
        require(iterations >= 1, "iterations must be at least 1");
        require(criticSteps >= 1 && generatorSteps >= 1, "critic and generator steps must be at least 1");
        require(learningRateG > 0 && learningRateD > 0, "learning rates must be positive");
        require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1)");
        require(alpha >= 0 && lambda >= 0, "alpha and lambda must not be negative");
        require(widthInitial >= 4 && widthMax >= widthInitial && widthMax <= 512, "width must be 4..512");
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid setting: " + message + ".");
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "preset %s: max size %d px, min size %d px, scale factor %.2f, "
                        + "%d iterations per scale, critic/generator steps %d/%d, lr G %.1e D %.1e, beta1 %.2f, "
                        + "alpha %.1f, lambda %.2f, width %d..%d%s, seed %d",
                preset, maxSize, minSize, scaleFactor, iterations, criticSteps, generatorSteps, learningRateG,
                learningRateD, beta1, alpha, lambda, widthInitial, widthMax,
                widthDoublingEvery > 0 ? " (doubling every " + widthDoublingEvery + " scales)" : "", seed);
    }
}
