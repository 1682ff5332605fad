package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.GradientCheck;

/**
 * The style-transfer loss on a small VGG-shaped network of random weights: its gradient with
 * respect to the pixels against central differences (double precision), and both of its terms
 * falling under L-BFGS.
 */
class StyleObjectiveTest {

    private static VggFeatures features(DataType type, String contentLayer) {
        List<String> layers = new ArrayList<>(NeuralStyleSettings.STYLE_LAYERS.stream().map(StyleLayer::name).toList());
        layers.add(contentLayer);
        return new VggFeatures(VggWeights.random(VggWeightFiles.SMALL, new Random(3)), layers, type);
    }

    private static StyleObjective objective(VggFeatures features, INDArray content, INDArray style, String contentLayer) {
        return new StyleObjective(features, content, style, contentLayer, NeuralStyleSettings.STYLE_LAYERS, 1, 1000);
    }

    @Test
    void pixelGradientMatchesNumericalGradient() {
        checkGradient("conv5_1");
    }

    @Test
    void pixelGradientWithAnotherContentLayer() {
        checkGradient("conv3_2");
    }

    private static void checkGradient(String contentLayer) {
        Nd4j.getRandom().setSeed(5);
        VggFeatures features = features(DataType.DOUBLE, contentLayer);
        INDArray content = Nd4j.rand(DataType.DOUBLE, 1, 16, 16, 3);
        INDArray style = Nd4j.rand(DataType.DOUBLE, 1, 20, 16, 3);
        StyleObjective objective = objective(features, content, style, contentLayer);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 16, 16, 3);
        INDArray gradient = x.like();
        objective.evaluate(x, gradient);
        StyleLosses losses = objective.lastLosses();
        assertTrue(losses.content() > 0 && losses.style() > 0, losses.toString());

        GradientCheck.Worst worst = GradientCheck.check("dL/dpixels", x, gradient,
                () -> objective.losses(x).total(), 1e-4);
        assertTrue(worst.absolute() > 0, "the check compared something");
    }

    @Test
    void contentAndStyleLossesFallUnderLbfgs() {
        Nd4j.getRandom().setSeed(6);
        VggFeatures features = features(DataType.FLOAT, "conv5_1");
        INDArray content = Nd4j.rand(DataType.FLOAT, 1, 32, 32, 3);
        INDArray style = Nd4j.rand(DataType.FLOAT, 1, 32, 32, 3).muli(0.3).addi(0.5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 32, 32, 3).reshape(32 * 32 * 3);
        // From a random start, with weights that make both terms equal there: both must fall.
        StyleLosses unweighted = new StyleObjective(features, content, style, "conv5_1",
                NeuralStyleSettings.STYLE_LAYERS, 1, 1).losses(x);
        StyleObjective objective = new StyleObjective(features, content, style, "conv5_1",
                NeuralStyleSettings.STYLE_LAYERS, 1, unweighted.content() / unweighted.style());
        StyleLosses before = objective.losses(x);
        List<StyleLosses> history = new ArrayList<>();
        new Lbfgs(10, 0, 1, 0.05).minimise(x, objective, 30, (step, value) -> history.add(objective.lastLosses()),
                () -> false);
        StyleLosses after = history.get(history.size() - 1);
        assertEquals(30, history.size());
        assertTrue(after.content() < 0.5 * before.content(), before + " -> " + after);
        assertTrue(after.style() < 0.5 * before.style(), before + " -> " + after);
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i).total() <= history.get(i - 1).total(), "the total never rises");
        }
    }
}
