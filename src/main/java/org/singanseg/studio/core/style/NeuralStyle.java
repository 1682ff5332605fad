package org.singanseg.studio.core.style;

import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.gan.Tensors;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.nn.compute.NativeGarbage;

/**
 * Gatys-style neural style transfer as SinGAN-Seg ran it: the pixels of the synthetic image are
 * optimised, from the synthetic image itself, to keep its VGG19 content features while taking on
 * the Gram matrices of the real image's features ({@link StyleObjective}). L-BFGS replaces the
 * reference's 1000 Adam steps: a few dozen iterations reach a similar loss. Pixels stay in [0, 1]
 * throughout. The style image is resized to the content's size first, so that textures keep their
 * scale relative to the frame (both show the same field of view).
 */
public final class NeuralStyle implements StyleMethod {
    public static final String NAME = "Neural style (VGG19)";
    private static final int HISTORY = 10;
    /** The first step's largest pixel change, before L-BFGS has learnt the loss's curvature. */
    private static final double FIRST_STEP = 0.05;

    private final VggWeights weights;
    private final NeuralStyleSettings settings;
    private VggFeatures features;

    public NeuralStyle(VggWeights weights, NeuralStyleSettings settings) {
        this.weights = weights;
        this.settings = settings;
    }

    public NeuralStyleSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public Planes apply(Planes content, Planes style, StyleListener listener, BooleanSupplier cancelled) {
        Planes full = TrainingPair.toRgb(content);
        double factor = settings.featureSide() > 0
                ? Math.min(1.0, (double) settings.featureSide() / Math.max(full.height(), full.width())) : 1.0;
        int height = (int) Math.round(full.height() * factor);
        int width = (int) Math.round(full.width() * factor);
        Planes small = factor < 1 ? Resize.bicubic(full, height, width) : full;

        INDArray contentPixels = Tensors.fromPlanes(small);
        INDArray stylePixels = Tensors.fromPlanes(Resize.bicubic(TrainingPair.toRgb(style), height, width));
        StyleObjective objective = new StyleObjective(features(), contentPixels, stylePixels, settings.contentLayer(),
                NeuralStyleSettings.STYLE_LAYERS, settings.contentWeight(), settings.styleWeight());
        INDArray pixels = contentPixels.dup('c');
        NativeGarbage garbage = NativeGarbage.standard();
        new Lbfgs(HISTORY, 0, 1, FIRST_STEP).minimise(pixels.reshape(pixels.length()), objective, settings.steps(),
                (step, value) -> {
                    listener.step(step, settings.steps(), objective.lastLosses());
                    garbage.collectIfDue();
                }, cancelled);
        Planes styled = Tensors.toPlanes(pixels);
        return factor < 1 ? withChangeScaledUp(full, small, styled) : styled;
    }

    /** The full-size content plus the change styling made at the smaller size, scaled up. */
    private static Planes withChangeScaledUp(Planes full, Planes small, Planes styledSmall) {
        Planes change = Planes.zeros(small.channels(), small.height(), small.width());
        for (int c = 0; c < small.channels(); c++) {
            for (int i = 0; i < small.plane(c).length; i++) {
                change.plane(c)[i] = styledSmall.plane(c)[i] - small.plane(c)[i];
            }
        }
        Planes up = Resize.bicubic(change, full.height(), full.width());
        Planes out = Planes.zeros(full.channels(), full.height(), full.width());
        for (int c = 0; c < full.channels(); c++) {
            for (int i = 0; i < full.plane(c).length; i++) {
                out.plane(c)[i] = Math.min(1f, Math.max(0f, full.plane(c)[i] + up.plane(c)[i]));
            }
        }
        return out;
    }

    /** Built on first use, so on the engine thread that runs the transfers. */
    private VggFeatures features() {
        if (features == null) {
            features = new VggFeatures(weights, settings.layers(), DataType.FLOAT);
        }
        return features;
    }
}
