package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.GradientCheck;

/** Values and numerical gradient check of the segmentation loss. */
class BceDiceLossTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @Test
    void bceDiceValuesMatchHandComputedCases() {
        BceDiceLoss loss = new BceDiceLoss();
        // p = 0.5 everywhere: bce = ln 2; dice = 1 - (2 * 0.5 + 1) / (1 + 1 + 1) = 1/3.
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 1, 2, 1);
        INDArray target = Nd4j.createFromArray(new double[]{1, 0}).reshape(1, 1, 2, 1);
        assertEquals(Math.log(2) + 1.0 / 3, loss.forward(zero, target), 1e-12);
        // logits +-ln 3: p = 0.75, 0.25; bce = -ln 0.75; dice = 1 - (1.5 + 1) / (1 + 1 + 1) = 1/6.
        INDArray logits = Nd4j.createFromArray(new double[]{Math.log(3), -Math.log(3)}).reshape(1, 1, 2, 1);
        assertEquals(-Math.log(0.75) + 1.0 / 6, loss.forward(logits, target), 1e-12);
        // Gradient of the first element: (0.75 - 1) / 2 + dice'(p) p (1 - p), with
        // dice'(p) = -(2 * 1 * 3 - 2.5) / 9.
        assertEquals(-0.125 - 3.5 / 9 * 0.1875, loss.gradient().getDouble(0), 1e-12);
    }

    @Test
    void bceDiceStaysFiniteForExtremeLogits() {
        BceDiceLoss loss = new BceDiceLoss();
        INDArray logits = Nd4j.createFromArray(new float[]{1000, -1000, 1000, -1000}).reshape(1, 2, 2, 1);
        INDArray target = Nd4j.createFromArray(new float[]{0, 1, 1, 0}).reshape(1, 2, 2, 1);
        // Half the pixels confidently wrong by 1000: bce = 2000 / 4; p = t on the other half.
        assertEquals(500 + 1 - 3.0 / 5, loss.forward(logits, target), 1e-9);
        assertEquals(DataType.FLOAT, loss.gradient().dataType());
        assertEquals(0.25, loss.gradient().getDouble(0, 0, 0, 0), 1e-6);
    }

    @Test
    void bceDiceGradient() {
        BceDiceLoss loss = new BceDiceLoss();
        INDArray logits = Nd4j.randn(DataType.DOUBLE, 2, 4, 3, 1).muli(2);
        INDArray target = Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 1).gt(0.6).castTo(DataType.DOUBLE);
        loss.forward(logits, target);
        INDArray gradient = loss.gradient().dup();
        System.out.println("gradient check bce + dice: logits " + GradientCheck.check("bce + dice", logits, gradient,
                () -> loss.forward(logits, target), MAX_RELATIVE_ERROR));
    }
}
