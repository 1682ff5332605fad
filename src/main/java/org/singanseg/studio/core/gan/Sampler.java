package org.singanseg.studio.core.gan;

import java.util.Locale;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.image.Planes;

/**
 * Generates new 4-channel samples from a trained model, as SinGAN_generate does: fresh noise from
 * the start scale on (0 = most diverse; higher keeps the coarse layout of the real image), any
 * output size by scaling every scale's noise (also with a start scale above 0, where the
 * reference fails: z_opt is resized to the requested size).
 */
public final class Sampler {
    /** The largest size factor accepted. */
    public static final int MAX_FACTOR = 8;

    private final SinGanModel model;
    private final GeneratorPyramid generators;

    public Sampler(SinGanModel model) {
        if (!model.complete()) {
            throw new IllegalArgumentException("The model is not fully trained: " + model.scales().size() + " of "
                    + model.pyramid().scales() + " scales. Resume training first.");
        }
        this.model = model;
        this.generators = new GeneratorPyramid(model.pyramid().scaleFactor());
        model.scales().forEach(generators::add);
    }

    public int scales() {
        return model.scales().size();
    }

    /**
     * @param seed       with {@code index}, determines the sample
     * @param startScale scales below it use the fixed reconstruction noise
     * @param hScale     output height factor (1 = the model's finest size)
     * @param wScale     output width factor
     * @return 4 channels in [-1, 1]
     */
    public Planes sample(long seed, long index, int startScale, double hScale, double wScale) {
        check(startScale, hScale, wScale);
        INDArray out = generators.run(scales(), hScale, wScale, NoiseSource.forSample(seed, index), startScale, 1);
        return Tensors.toPlanes(out);
    }

    /**
     * Refuses what {@link #sample} cannot draw: a start scale the model lacks, a size factor that is
     * not a number from above 0 to {@value #MAX_FACTOR}, or one that makes the sample smaller than
     * the model's coarsest scale (at 0.001 it would be 1 pixel). The one check of the app and the
     * command line, which call it before they write anything.
     *
     * @throws IllegalArgumentException with a message that says what to use instead
     */
    public void check(int startScale, double hScale, double wScale) {
        if (startScale < 0 || startScale >= scales()) {
            throw new IllegalArgumentException("Start scale must be between 0 and " + (scales() - 1) + ".");
        }
        if (!(hScale > 0 && hScale <= MAX_FACTOR && wScale > 0 && wScale <= MAX_FACTOR)) {
            // Written so that NaN fails too: every comparison with NaN is false.
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Size factors must be numbers above 0 and "
                    + "at most %d; got %s for the width and %s for the height.", MAX_FACTOR, wScale, hScale));
        }
        TrainedScale coarsest = model.scales().get(0);
        TrainedScale finest = model.scales().get(scales() - 1);
        int height = GeneratorPyramid.scaledSide(finest.height(), hScale);
        int width = GeneratorPyramid.scaledSide(finest.width(), wScale);
        if (height < coarsest.height() || width < coarsest.width()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Size factors of %s (width) and %s (height) "
                    + "make %dx%d px samples, smaller than the model's coarsest scale (%dx%d px). Use at least %.2f for "
                    + "the width and %.2f for the height.", wScale, hScale, width, height, coarsest.width(),
                    coarsest.height(), smallestFactor(coarsest.width(), finest.width()),
                    smallestFactor(coarsest.height(), finest.height())));
        }
    }

    /** The share of its image the real mask covers, NaN for a model file that does not say. */
    public double realMaskCoverage() {
        return model.source() == null ? Double.NaN : model.source().maskCoverage();
    }

    /** The reconstruction of the real image from z_opt (a check of the model). */
    public Planes reconstruction() {
        return Tensors.toPlanes(generators.run(scales(), 1, 1, null, 0, 1));
    }

    /** The smallest factor, rounded up to the two decimals the message shows, that keeps a side at its coarsest size. */
    private static double smallestFactor(int coarsest, int finest) {
        return Math.ceil(100.0 * coarsest / finest) / 100;
    }
}
