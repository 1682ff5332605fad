package org.singanseg.studio.core.gan;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.MseLoss;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * SinGAN's losses, as train_single_scale computes them. The critic minimises the WGAN-GP loss
 * <pre>
 *   -mean D(real) + mean D(fake) + lambda * GP,
 * </pre>
 * with the gradient penalty GP at a random mix of the two images ({@link GradientPenalty}); the
 * generator minimises
 * <pre>
 *   -mean D(fake) + alpha * mean((G(z_opt) - real)^2),
 * </pre>
 * its adversarial loss plus the reconstruction of the real image from the fixed noise z_opt. The
 * means of D are over the critic's patch map. Not thread-safe.
 */
public final class SinGanLoss {
    private final GradientPenalty penalty;
    private final MseLoss reconstruction;
    private final boolean reconstructs;
    private final Buffer adversarialGradient = new Buffer();
    /** dLoss/dD for the critic's maps of [real, fake]: -1 / pixels, then +1 / pixels. */
    private INDArray wassersteinGradient;
    private double lastReal;
    private double lastFake;

    /**
     * The critic's loss terms of one step.
     *
     * @param real    -mean D(real)
     * @param fake    mean D(fake)
     * @param penalty lambda * GP
     */
    public record CriticLoss(double real, double fake, double penalty) {
    }

    /**
     * The generator's loss terms of one step, and their gradient for the generator's backward pass.
     *
     * @param adversarial    -mean D(fake)
     * @param reconstruction alpha * the mean squared error of the reconstruction (0 without one)
     * @param gradient       dLoss/dFake, followed by dLoss/dReconstruction when there is one
     *                       (images stacked as the generator's batch)
     */
    public record GeneratorLoss(double adversarial, double reconstruction, INDArray gradient) {
    }

    /** Takes lambda and alpha from the settings. */
    public SinGanLoss(TrainingSettings settings) {
        penalty = new GradientPenalty(settings.lambda(), GradientPenalty.SINGLE_PRECISION_STEP);
        reconstruction = new MseLoss(settings.alpha());
        reconstructs = settings.alpha() > 0;
    }

    /** Whether the generator's loss has a reconstruction term (alpha > 0). */
    public boolean reconstructs() {
        return reconstructs;
    }

    /**
     * Adds the critic loss's gradient with respect to the critic's parameters to its gradients. The
     * WGAN terms on real and fake share a critic pass with the penalty's.
     *
     * @param real [1, h, w, c]
     * @param fake [1, h, w, c]
     * @param mix  where the penalty is taken: mix * real + (1 - mix) * fake
     */
    public CriticLoss critic(Sequential critic, INDArray real, INDArray fake, double mix) {
        double gp = penalty.accumulate(critic, real, fake, mix, Nd4j.concat(0, real, fake), this::wassersteinGradient);
        return new CriticLoss(lastReal, lastFake, gp);
    }

    /** Takes the critic's output for [real, fake], keeps the WGAN terms and returns dLoss/dOutput. */
    private INDArray wassersteinGradient(INDArray output) {
        if (wassersteinGradient == null || !Arrays.equals(wassersteinGradient.shape(), output.shape())
                || wassersteinGradient.dataType() != output.dataType()) {
            wassersteinGradient = Nd4j.create(output.dataType(), output.shape());
            double perPixel = 1.0 / (output.size(1) * (double) output.size(2));
            wassersteinGradient.get(NDArrayIndex.point(0)).assign(-perPixel);
            wassersteinGradient.get(NDArrayIndex.point(1)).assign(perPixel);
        }
        lastReal = -output.get(NDArrayIndex.point(0)).meanNumber().doubleValue();
        lastFake = output.get(NDArrayIndex.point(1)).meanNumber().doubleValue();
        return wassersteinGradient;
    }

    /**
     * The generator's loss for a generated image and its reconstruction. The gradient for the fake
     * is taken back through the critic, whose parameter gradients stay as they were.
     *
     * @param fake           a generated image, [1, h, w, c]
     * @param reconstruction the generator's image from z_opt, [1, h, w, c]; null when the loss
     *                       does not {@link #reconstructs reconstruct}
     * @param real           the real image the reconstruction should match
     */
    public GeneratorLoss generator(Sequential critic, INDArray fake, INDArray reconstruction, INDArray real) {
        INDArray output = critic.forward(fake);
        double adversarial = -output.meanNumber().doubleValue();
        INDArray gradFake = critic.backward(adversarialGradient.like(output).assign(-1.0 / output.length()), false);
        if (reconstruction == null) {
            return new GeneratorLoss(adversarial, 0, gradFake);
        }
        double error = this.reconstruction.forward(reconstruction, real);
        return new GeneratorLoss(adversarial, error, Nd4j.concat(0, gradFake, this.reconstruction.gradient()));
    }
}
