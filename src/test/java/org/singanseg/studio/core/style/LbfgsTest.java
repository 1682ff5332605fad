package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** L-BFGS in a box on functions with known minima. */
class LbfgsTest {

    /** sum_i a_i (x_i - c_i)^2, badly scaled; its minimum in [0, 1]^n is c clamped to the box. */
    private static final double[] SCALES = {1, 10, 100, 0.5, 3};
    private static final double[] CENTRE = {0.3, -0.4, 0.7, 1.8, 0.5};

    private static double quadratic(INDArray x, INDArray gradient) {
        double value = 0;
        for (int i = 0; i < SCALES.length; i++) {
            double d = x.getDouble(i) - CENTRE[i];
            value += SCALES[i] * d * d;
            gradient.putScalar(i, 2 * SCALES[i] * d);
        }
        return value;
    }

    @Test
    void findsTheMinimumInTheBox() {
        INDArray x = Nd4j.valueArrayOf(new long[]{5}, 0.5, DataType.DOUBLE);
        int evaluations = new Lbfgs(5, 0, 1, 0.1).minimise(x, LbfgsTest::quadratic, 50, (i, v) -> { }, () -> false);
        assertArrayEquals(new double[]{0.3, 0, 0.7, 1, 0.5}, x.toDoubleVector(), 1e-6);
        assertTrue(evaluations < 100, "evaluations: " + evaluations);
    }

    @Test
    void stopsWhenCancelled() {
        INDArray x = Nd4j.valueArrayOf(new long[]{5}, 0.5, DataType.DOUBLE);
        assertThrows(CancellationException.class,
                () -> new Lbfgs(5, 0, 1, 0.1).minimise(x, LbfgsTest::quadratic, 50, (i, v) -> { }, () -> true));
    }
}
