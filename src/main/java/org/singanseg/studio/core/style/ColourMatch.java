package org.singanseg.studio.core.style;

import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * Colour transfer after Reinhard et al. (2001), in CIE Lab: each channel of the synthetic image is
 * shifted and scaled so that its mean and standard deviation equal the real image's. Instant and
 * needs no weights, but it moves colours only, not textures: it is offered under its own name,
 * never in place of {@link NeuralStyle}.
 */
public final class ColourMatch implements StyleMethod {
    public static final String NAME = "Colour match (Lab)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "colour match: Lab mean and standard deviation per channel (Reinhard et al.)";
    }

    @Override
    public Planes apply(Planes content, Planes style, StyleListener listener, BooleanSupplier cancelled) {
        Planes rgb = TrainingPair.toRgb(content);
        double[][] lab = Lab.fromRgb(rgb);
        double[][] target = Lab.fromRgb(TrainingPair.toRgb(style));
        for (int c = 0; c < 3; c++) {
            double[] from = meanAndDeviation(lab[c]);
            double[] to = meanAndDeviation(target[c]);
            // A flat channel has nothing to scale: it only moves to the target mean.
            double gain = from[1] > 1e-9 ? to[1] / from[1] : 1;
            for (int i = 0; i < lab[c].length; i++) {
                lab[c][i] = (lab[c][i] - from[0]) * gain + to[0];
            }
        }
        Planes out = Lab.toRgb(lab, rgb.height(), rgb.width());
        listener.step(1, 1, new StyleLosses(Double.NaN, Double.NaN));
        return out;
    }

    /** Mean and (population) standard deviation. */
    static double[] meanAndDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        return new double[]{mean, Math.sqrt(variance / values.length)};
    }
}
