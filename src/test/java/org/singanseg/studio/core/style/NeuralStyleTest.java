package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.Sequential;

/** Neural style transfer end to end on a small VGG-shaped network loaded from an HDF5 file. */
class NeuralStyleTest {
    @TempDir
    Path folder;

    static Planes randomImage(int height, int width, long seed, float low, float high) {
        Random random = new Random(seed);
        Planes planes = Planes.zeros(3, height, width);
        for (float[] plane : planes.data()) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = low + (high - low) * random.nextFloat();
            }
        }
        return planes;
    }

    private NeuralStyle style(int steps, int featureSide) throws InvalidInputException {
        Path file = folder.resolve("vgg.h5");
        VggWeightFiles.write(file, VggWeightFiles.SMALL, VggWeightFiles.Naming.KERAS1, 11);
        return new NeuralStyle(VggWeightsFile.read(file, VggWeightFiles.SMALL),
                new NeuralStyleSettings(steps, "conv5_1", 1, 1000, featureSide));
    }

    @Test
    void styleLossFallsFromTheContentImage() throws InvalidInputException {
        Planes content = randomImage(40, 48, 1, 0.2f, 0.6f);
        Planes real = randomImage(60, 50, 2, 0.4f, 1.0f);
        List<StyleLosses> steps = new ArrayList<>();

        Planes styled = style(12, 0).apply(content, real, (step, total, losses) -> {
            assertEquals(steps.size() + 1, step);
            assertEquals(12, total);
            steps.add(losses);
        }, () -> false);

        assertEquals(12, steps.size());
        assertTrue(steps.get(11).style() < 0.5 * steps.get(0).style(), steps.get(0) + " -> " + steps.get(11));
        assertEquals(40, styled.height());
        assertEquals(48, styled.width());
        for (float[] plane : styled.data()) {
            for (float v : plane) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
            }
        }
    }

    @Test
    void lowerResolutionFeaturePassKeepsTheSize() throws InvalidInputException {
        Planes styled = style(3, 32).apply(randomImage(40, 64, 1, 0.2f, 0.6f), randomImage(30, 30, 2, 0.4f, 1f),
                StyleListener.NONE, () -> false);
        assertEquals(40, styled.height());
        assertEquals(64, styled.width());
    }

    @Test
    void cancels() throws InvalidInputException {
        NeuralStyle style = style(5, 0);
        assertThrows(CancellationException.class, () -> style.apply(randomImage(32, 32, 1, 0, 1),
                randomImage(32, 32, 2, 0, 1), StyleListener.NONE, () -> true));
    }

    @Test
    void tooSmallImageIsRefused() throws InvalidInputException {
        NeuralStyle style = style(5, 0);
        String message = assertThrows(IllegalArgumentException.class, () -> style.apply(randomImage(12, 40, 1, 0, 1),
                randomImage(32, 32, 2, 0, 1), StyleListener.NONE, () -> false)).getMessage();
        assertTrue(message.contains("at least 16x16 px"), message);
    }

    /** RGB in [0, 1] becomes BGR on 0..255 minus the ImageNet means, as the Keras weights expect. */
    @Test
    void caffeInputConvention() {
        Conv2d layer = CaffeInput.layer();
        Sequential net = new Sequential(DataType.FLOAT, List.of(layer));
        net.parameters().assign(Nd4j.createFromArray(CaffeInput.parameters()));
        INDArray rgb = Nd4j.createFromArray(new float[]{1f, 0.5f, 0f}).reshape(1, 1, 1, 3);
        float[] bgr = net.forward(rgb).reshape(3).toFloatVector();
        assertEquals(0 - 103.939f, bgr[0], 1e-3);
        assertEquals(127.5f - 116.779f, bgr[1], 1e-3);
        assertEquals(255 - 123.68f, bgr[2], 1e-3);
    }
}
