package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Values and numerical gradient checks of the Wasserstein terms and the reconstruction MSE. */
class LossGradientTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @Test
    void wassersteinTermsAreSignedMeans() {
        INDArray output = Nd4j.createFromArray(new double[]{1, 2, 3, 6}).reshape(1, 1, 2, 2);
        assertEquals(-3.0, MeanLoss.negative().forward(output), 1e-12);
        MeanLoss positive = MeanLoss.positive();
        assertEquals(3.0, positive.forward(output), 1e-12);
        assertEquals(0.25, positive.gradient().getDouble(0, 0, 1, 1), 1e-12);
    }

    @Test
    void wassersteinGradients() {
        for (MeanLoss loss : new MeanLoss[]{MeanLoss.negative(), MeanLoss.positive()}) {
            INDArray output = Nd4j.randn(DataType.DOUBLE, 1, 1, 3, 5);
            loss.forward(output);
            INDArray gradient = loss.gradient().dup();
            GradientCheck.check("mean loss", output, gradient, () -> loss.forward(output), MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void mseValueMatchesDefinition() {
        INDArray prediction = Nd4j.createFromArray(new double[]{1, 2, 3, 4});
        INDArray target = Nd4j.createFromArray(new double[]{1, 0, 3, 0});
        // 10 * (0 + 4 + 0 + 16) / 4
        assertEquals(50.0, new MseLoss(10).forward(prediction, target), 1e-12);
    }

    @Test
    void mseGradient() {
        MseLoss loss = new MseLoss(10);
        INDArray prediction = Nd4j.randn(DataType.DOUBLE, 1, 4, 3, 5);
        INDArray target = Nd4j.randn(DataType.DOUBLE, 1, 4, 3, 5);
        loss.forward(prediction, target);
        INDArray gradient = loss.gradient().dup();
        GradientCheck.check("mse", prediction, gradient, () -> loss.forward(prediction, target), MAX_RELATIVE_ERROR);
    }
}
