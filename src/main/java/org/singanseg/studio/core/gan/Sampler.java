package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.image.Planes;

/**
 * Generates new 4-channel samples from a trained model, as SinGAN_generate does: fresh noise from
 * the start scale on (0 = most diverse; higher keeps the coarse layout of the real image), any
 * output size by scaling every scale's noise (also with a start scale above 0, where the
 * reference fails: z_opt is resized to the requested size).
 */
public final class Sampler {
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
        if (startScale < 0 || startScale >= scales()) {
            throw new IllegalArgumentException("Start scale must be between 0 and " + (scales() - 1) + ".");
        }
        if (hScale <= 0 || wScale <= 0 || hScale > 8 || wScale > 8) {
            throw new IllegalArgumentException("Size factors must be above 0 and at most 8.");
        }
        INDArray out = generators.run(scales(), hScale, wScale, NoiseSource.forSample(seed, index), startScale, 1);
        return Tensors.toPlanes(out);
    }

    /** The reconstruction of the real image from z_opt (a check of the model). */
    public Planes reconstruction() {
        return Tensors.toPlanes(generators.run(scales(), 1, 1, null, 0, 1));
    }
}
