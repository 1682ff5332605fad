package org.singanseg.studio.ui.train;

import java.util.function.ToDoubleFunction;

import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

/** The five losses the training charts plot, with their names for the legend. */
public enum Loss {
    CRITIC_REAL("Critic on real", IterationStats::criticReal),
    CRITIC_FAKE("Critic on fake", IterationStats::criticFake),
    PENALTY("Gradient penalty", IterationStats::penalty),
    GENERATOR("Generator adversarial", IterationStats::generatorAdversarial),
    RECONSTRUCTION("Reconstruction", IterationStats::reconstruction);

    private final String title;
    private final ToDoubleFunction<IterationStats> value;

    Loss(String title, ToDoubleFunction<IterationStats> value) {
        this.title = title;
        this.value = value;
    }

    public String title() {
        return title;
    }

    public double of(IterationStats stats) {
        return value.applyAsDouble(stats);
    }
}
