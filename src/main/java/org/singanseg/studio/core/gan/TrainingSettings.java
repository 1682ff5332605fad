package org.singanseg.studio.core.gan;

import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Every setting of SinGAN-Seg training. {@link #paper()} is the reference (Thambawita et al.,
 * after SinGAN's defaults); the other presets trade size and iterations for time on a CPU.
 * Derived settings come from {@link #toBuilder()}; {@link SettingField#ALL} describes each
 * component for people (flag, label, range).
 *
 * <p>The preset is not stored but recognised ({@link #preset()}), so edited settings never carry a
 * preset's name. Files store it for readers, and older files stored it as a component: reading
 * ignores it either way.
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
 * @param windowSize       scales larger than this train on a random window of this side per
 *                         iteration ({@link TrainingWindow}); 0: every scale trains on the whole image
 * @param batchNorm        batch norm after every convolution but the last, in generators and critics,
 *                         at every scale (the reference); false: at the coarsest scale only
 *                         ({@link #batchNormAt})
 * @param seed             random seed: the same seed on the same machine gives the same model
 */
@JsonIgnoreProperties(value = "preset", allowGetters = true)
@JsonDeserialize(builder = TrainingSettings.Builder.class)
public record TrainingSettings(int maxSize, int minSize, double scaleFactor, int iterations, int criticSteps,
                               int generatorSteps, double learningRateG, double learningRateD, double beta1,
                               double alpha, double lambda, int widthInitial, int widthMax, int widthDoublingEvery,
                               double noiseAmpFactor, int windowSize, boolean batchNorm, long seed) {

    /** The reference settings: 250 px, 2000 iterations per scale, width 32 growing to 128. */
    public static TrainingSettings paper() {
        return new TrainingSettings(250, 25, 0.75, 2000, 3, 3, 5e-4, 5e-4, 0.5, 10, 0.1, 32, 128, 4, 0.1, 0, true, 1);
    }

    /** A smaller model that trains in about an hour on a laptop CPU. */
    public static TrainingSettings standard() {
        return paper().toBuilder().maxSize(160).iterations(800).widthMax(64).build();
    }

    /** A usable model within minutes on a 2-core CPU: small, narrow, few iterations. */
    public static TrainingSettings quick() {
        return paper().toBuilder().maxSize(96).iterations(300).criticSteps(2).generatorSteps(2).widthMax(32)
                .widthDoublingEvery(0).build();
    }

    /**
     * The paper's 250 px samples within minutes on a laptop CPU: the quick preset's narrow networks
     * and short schedule, with the scales above 96 px trained on random 96 px windows, and batch norm
     * at the coarsest scale only, which brought its samples' patch distance from that of a version
     * with batch norm everywhere to that of the quick preset (README, Presets).
     */
    public static TrainingSettings sharp() {
        return quick().toBuilder().maxSize(250).windowSize(96).batchNorm(false).build();
    }

    /**
     * Whether scale {@code scale}'s networks have batch norm. The coarsest scale always has it:
     * without it, it does not learn to reproduce the frame from its fixed noise (README, Presets).
     */
    public boolean batchNormAt(int scale) {
        return batchNorm || scale == 0;
    }

    /**
     * The preset these settings are, whatever their seed (a preset is a recipe; the seed picks one
     * run of it); {@link Preset#CUSTOM} when they are none.
     */
    @JsonProperty("preset")
    public Preset preset() {
        return Preset.CHOICES.stream().filter(p -> p.settings().toBuilder().seed(seed).build().equals(this))
                .findFirst().orElse(Preset.CUSTOM);
    }

    public Builder toBuilder() {
        return new Builder(this);
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

    /** Checks every range, then the settings against each other; the message says which setting is wrong. */
    public TrainingSettings validated() {
        SettingField.ALL.forEach(field -> field.check(this));
        require(maxSize >= minSize, "the max size must be at least the min size");
        require(widthMax >= widthInitial, "the largest width must be at least the width at the coarsest scale");
        require(windowSize == 0 || windowSize >= TrainingWindow.MIN_SIDE,
                "the training window must be 0 (whole image) or at least " + TrainingWindow.MIN_SIDE + " px");
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid setting: " + message + ".");
        }
    }

    /** The preset and every setting, e.g. "preset quick: Max size (px) 96, ...". */
    public String describe() {
        return "preset " + preset() + ": " + SettingField.ALL.stream()
                .map(field -> field.label() + " " + field.format(this)).collect(Collectors.joining(", "));
    }

    /** Settings from others with some values replaced: {@code settings.toBuilder().seed(7).build()}. */
    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties("preset")
    public static final class Builder {
        private int maxSize;
        private int minSize;
        private double scaleFactor;
        private int iterations;
        private int criticSteps;
        private int generatorSteps;
        private double learningRateG;
        private double learningRateD;
        private double beta1;
        private double alpha;
        private double lambda;
        private int widthInitial;
        private int widthMax;
        private int widthDoublingEvery;
        private double noiseAmpFactor;
        private int windowSize;
        private boolean batchNorm;
        private long seed;

        /** For files: a setting that a file lacks (added after it was written) has the reference's value. */
        private Builder() {
            this(paper());
        }

        private Builder(TrainingSettings s) {
            maxSize = s.maxSize;
            minSize = s.minSize;
            scaleFactor = s.scaleFactor;
            iterations = s.iterations;
            criticSteps = s.criticSteps;
            generatorSteps = s.generatorSteps;
            learningRateG = s.learningRateG;
            learningRateD = s.learningRateD;
            beta1 = s.beta1;
            alpha = s.alpha;
            lambda = s.lambda;
            widthInitial = s.widthInitial;
            widthMax = s.widthMax;
            widthDoublingEvery = s.widthDoublingEvery;
            noiseAmpFactor = s.noiseAmpFactor;
            windowSize = s.windowSize;
            batchNorm = s.batchNorm;
            seed = s.seed;
        }

        public TrainingSettings build() {
            return new TrainingSettings(maxSize, minSize, scaleFactor, iterations, criticSteps, generatorSteps,
                    learningRateG, learningRateD, beta1, alpha, lambda, widthInitial, widthMax, widthDoublingEvery,
                    noiseAmpFactor, windowSize, batchNorm, seed);
        }

        public Builder maxSize(int value) {
            maxSize = value;
            return this;
        }

        public Builder minSize(int value) {
            minSize = value;
            return this;
        }

        public Builder scaleFactor(double value) {
            scaleFactor = value;
            return this;
        }

        public Builder iterations(int value) {
            iterations = value;
            return this;
        }

        public Builder criticSteps(int value) {
            criticSteps = value;
            return this;
        }

        public Builder generatorSteps(int value) {
            generatorSteps = value;
            return this;
        }

        public Builder learningRateG(double value) {
            learningRateG = value;
            return this;
        }

        public Builder learningRateD(double value) {
            learningRateD = value;
            return this;
        }

        public Builder beta1(double value) {
            beta1 = value;
            return this;
        }

        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        public Builder lambda(double value) {
            lambda = value;
            return this;
        }

        public Builder widthInitial(int value) {
            widthInitial = value;
            return this;
        }

        public Builder widthMax(int value) {
            widthMax = value;
            return this;
        }

        public Builder widthDoublingEvery(int value) {
            widthDoublingEvery = value;
            return this;
        }

        public Builder noiseAmpFactor(double value) {
            noiseAmpFactor = value;
            return this;
        }

        public Builder windowSize(int value) {
            windowSize = value;
            return this;
        }

        public Builder batchNorm(boolean value) {
            batchNorm = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }
    }
}
