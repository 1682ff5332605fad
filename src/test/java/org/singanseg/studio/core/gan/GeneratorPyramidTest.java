package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.singanseg.studio.testing.TinyModels;

class GeneratorPyramidTest {

    @Test
    void previousImageIsEnlargedByTheScaleFactorAndCroppedAsInDrawConcat() throws Exception {
        SinGanModel model = TinyModels.trained();
        double factor = model.pyramid().scaleFactor();
        GeneratorPyramid pyramid = new GeneratorPyramid(factor);
        model.scales().forEach(pyramid::add);
        int finest = model.scales().size() - 1;
        int h = model.pyramid().heights()[finest];
        int w = model.pyramid().widths()[finest];

        INDArray clampedOutput = Transforms.min(Transforms.max(pyramid.run(finest, 1, 1, null, 0, 1), -1.0), 1.0);
        INDArray previous = pyramid.previousFor(finest, h, w, null, 1);
        assertEquals(Tensors.resizeByFactor(clampedOutput, 1 / factor, h, w), previous);
        double fromResizingToTheSize = Tensors.resize(clampedOutput, h, w).sub(previous).amaxNumber().doubleValue();
        assertTrue(fromResizingToTheSize > 1e-3, "differs from resizing straight to the size: " + fromResizingToTheSize);
    }

    @Test
    void finishedGeneratorsNormaliseWithTheirRunningStatistics() throws Exception {
        SinGanModel model = TinyModels.trained();
        GeneratorPyramid pyramid = new GeneratorPyramid(model.pyramid().scaleFactor());
        model.scales().forEach(pyramid::add);
        INDArray inference = pyramid.run(1, 1, 1, null, 0, 1);

        TrainedScale coarsest = model.scales().get(0);
        org.singanseg.studio.core.nn.Sequential training = ScaleNets.generator(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, FourChannel.CHANNELS, coarsest.networkWidth(), true);
        training.parameters().assign(coarsest.generator());
        INDArray input = Tensors.pad(coarsest.reconstructionNoise().mul(coarsest.noiseAmp()), ScaleNets.PADDING);
        assertTrue(training.forward(input).sub(inference).amaxNumber().doubleValue() > 1e-4,
                "batch statistics would give another image");
        training.loadRunningStatistics(coarsest.generatorStatistics());
        training.useRunningStatistics(true);
        assertEquals(training.forward(input), inference);
    }
}
