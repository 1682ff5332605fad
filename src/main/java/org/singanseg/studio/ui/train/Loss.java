package org.singanseg.studio.ui.train;

import java.util.function.ToDoubleFunction;

import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

/**
 * The five losses the training charts plot: a plain name for the legend, and for the tooltip the
 * technical name with what the curve tells.
 */
public enum Loss {
    CRITIC_REAL("Judge, real image", "Critic on real (WGAN critic loss on the real image). The critic is the network "
            + "that judges how real an image looks; this curve and the next move against each other as the two "
            + "networks compete, so their ups and downs are normal.", IterationStats::criticReal),
    CRITIC_FAKE("Judge, generated image", "Critic on fake (WGAN critic loss on a generated image): the critic's "
            + "verdict on the generator's work.", IterationStats::criticFake),
    PENALTY("Judge's smoothness", "Gradient penalty (WGAN-GP, weighted by lambda): keeps the critic's judgements "
            + "smooth. Small values are normal; a steady climb means the run is becoming unstable.",
            IterationStats::penalty),
    GENERATOR("Generator vs judge", "Generator adversarial loss: how far the generator is from fooling the critic. "
            + "It rises and falls as the two compete.", IterationStats::generatorAdversarial),
    RECONSTRUCTION("Reconstruction error", "Difference between the real image and the model's copy of it from fixed "
            + "noise (mean squared error, weighted by alpha). It should fall at every scale: the clearest sign that "
            + "the model learns the image.", IterationStats::reconstruction);

    private final String title;
    private final String explanation;
    private final ToDoubleFunction<IterationStats> value;

    Loss(String title, String explanation, ToDoubleFunction<IterationStats> value) {
        this.title = title;
        this.explanation = explanation;
        this.value = value;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public double of(IterationStats stats) {
        return value.applyAsDouble(stats);
    }
}
