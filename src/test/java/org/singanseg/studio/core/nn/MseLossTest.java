package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Values and numerical gradient check of the mean squared error. */
class MseLossTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

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
