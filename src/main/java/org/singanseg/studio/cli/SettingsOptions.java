package org.singanseg.studio.cli;

import org.singanseg.studio.core.gan.TrainingSettings;

import picocli.CommandLine.Option;

/** A preset and optional overrides of every training setting. */
final class SettingsOptions {
    @Option(names = "--preset", defaultValue = "quick",
            description = "quick (minutes on a laptop), standard (about an hour) or paper (the reference; hours "
                    + "on a GPU). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--max-size", description = "Longer side of the finest scale, px.")
    Integer maxSize;
    @Option(names = "--min-size", description = "Shorter side of the coarsest scale, px.")
    Integer minSize;
    @Option(names = "--scale-factor", description = "Initial factor between scales.")
    Double scaleFactor;
    @Option(names = "--iterations", description = "Iterations per scale.")
    Integer iterations;
    @Option(names = "--critic-steps", description = "Critic updates per iteration.")
    Integer criticSteps;
    @Option(names = "--generator-steps", description = "Generator updates per iteration.")
    Integer generatorSteps;
    @Option(names = "--lr-g", description = "Generator learning rate.")
    Double learningRateG;
    @Option(names = "--lr-d", description = "Critic learning rate.")
    Double learningRateD;
    @Option(names = "--beta1", description = "Adam beta1.")
    Double beta1;
    @Option(names = "--alpha", description = "Reconstruction loss weight.")
    Double alpha;
    @Option(names = "--lambda", description = "Gradient penalty weight.")
    Double lambda;
    @Option(names = "--width", description = "Network width (nfc) at the coarsest scale.")
    Integer widthInitial;
    @Option(names = "--width-max", description = "Largest network width.")
    Integer widthMax;
    @Option(names = "--width-doubling", description = "Double the width every N scales (0: constant).")
    Integer widthDoublingEvery;
    @Option(names = "--seed", description = "Random seed.")
    Long seed;

    TrainingSettings resolve() {
        TrainingSettings p = TrainingSettings.preset(preset);
        return new TrainingSettings(p.preset(), or(maxSize, p.maxSize()), or(minSize, p.minSize()),
                or(scaleFactor, p.scaleFactor()), or(iterations, p.iterations()), or(criticSteps, p.criticSteps()),
                or(generatorSteps, p.generatorSteps()), or(learningRateG, p.learningRateG()),
                or(learningRateD, p.learningRateD()), or(beta1, p.beta1()), or(alpha, p.alpha()), or(lambda, p.lambda()),
                or(widthInitial, p.widthInitial()), or(widthMax, Math.max(p.widthMax(), or(widthInitial, p.widthInitial()))),
                or(widthDoublingEvery, p.widthDoublingEvery()), p.noiseAmpFactor(), or(seed, p.seed())).validated();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
