package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.style.NeuralStyle;
import org.singanseg.studio.core.style.NeuralStyleSettings;
import org.singanseg.studio.core.style.StyleListener;
import org.singanseg.studio.core.style.StyleObjective;
import org.singanseg.studio.core.style.VggFeatures;
import org.singanseg.studio.core.style.VggShape;
import org.singanseg.studio.core.style.VggWeights;

/**
 * Speed of neural style transfer with a VGG19 of the real shape and random weights (the speed does
 * not depend on the weights, so no download is needed): seconds per 100 steps (loss and pixel
 * gradient) per image size, then one whole transfer with the default settings.
 */
final class StyleBenchmark {
    private static final int[][] SIZES = {{250, 188}, {128, 96}};

    private final PrintStream out;

    StyleBenchmark(PrintStream out) {
        this.out = out;
    }

    void run(double seconds) {
        NeuralStyleSettings settings = NeuralStyleSettings.defaults();
        VggWeights weights = VggWeights.random(VggShape.VGG19, new Random(1));
        VggFeatures features = new VggFeatures(weights, settings.layers(), DataType.FLOAT);
        out.printf(Locale.ROOT, "Neural style transfer, VGG19 to %s (random weights), float32, %d threads%n",
                features.taps().get(features.taps().size() - 1), Backend.threads());
        for (int[] size : SIZES) {
            int width = size[0];
            int height = size[1];
            INDArray content = Nd4j.rand(DataType.FLOAT, 1, height, width, 3);
            StyleObjective objective = new StyleObjective(features, content, Nd4j.rand(DataType.FLOAT, 1, height, width, 3),
                    settings.contentLayer(), NeuralStyleSettings.STYLE_LAYERS, settings.contentWeight(),
                    settings.styleWeight());
            INDArray gradient = content.like();
            double ms = Stopwatch.medianMillis(() -> objective.evaluate(content, gradient), 1, 3, seconds);
            out.printf(Locale.ROOT, "  %dx%d px: %6.0f ms per step, %5.0f s per 100 steps%n", width, height, ms, ms / 10);
        }
        Planes content = randomPlanes(SIZES[0][1], SIZES[0][0], 2);
        Planes real = randomPlanes(SIZES[0][1], SIZES[0][0], 3);
        long start = System.nanoTime();
        new NeuralStyle(weights, settings).apply(content, real, StyleListener.NONE, () -> false);
        double total = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "  default settings (%s), one %dx%d image: %.0f s%n", settings.describe(),
                SIZES[0][0], SIZES[0][1], total);
    }

    private static Planes randomPlanes(int height, int width, long seed) {
        Random random = new Random(seed);
        Planes planes = Planes.zeros(3, height, width);
        for (float[] plane : planes.data()) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = random.nextFloat();
            }
        }
        return planes;
    }
}
