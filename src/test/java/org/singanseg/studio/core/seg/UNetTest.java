package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.GradientCheck;
import org.singanseg.studio.core.nn.Sequential;

/**
 * Whole U-Nets against numerical gradients (double precision, relative error below 1e-5, input and
 * all parameters): the skip connections' backward, where an encoder output's gradient is the sum
 * of the pooling path's and the skip's, is only right if these pass.
 */
class UNetTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @Test
    void twoLevelGradientsForABatch() {
        report("U-Net depth 2, width 2, batch 2", GradientCheck.checkNet(UNet.network(DataType.DOUBLE, 3, 2, 2),
                MAX_RELATIVE_ERROR, 2, 4, 6, 3));
    }

    @Test
    void threeLevelGradients() {
        // 8x8: the 2x2 bottom level still has a variance for batch norm to divide by.
        report("U-Net depth 3, width 1", GradientCheck.checkNet(UNet.network(DataType.DOUBLE, 3, 3, 1),
                MAX_RELATIVE_ERROR, 1, 8, 8, 3));
    }

    @Test
    void outputsOneLogitPerPixel() {
        Sequential net = UNet.network(DataType.FLOAT, 3, 4, 4);
        net.initialise(new Random(1));
        assertArrayEquals(new long[]{2, 16, 24, 1}, net.forward(Nd4j.rand(DataType.FLOAT, 2, 16, 24, 3)).shape());
    }

    @Test
    void rejectsSidesThatDoNotHalveCleanly() {
        Sequential net = UNet.network(DataType.FLOAT, 3, 3, 4);
        net.initialise(new Random(1));
        assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.rand(DataType.FLOAT, 1, 12, 10, 3)));
    }

    private static void report(String what, GradientCheck.Errors errors) {
        System.out.println("gradient check " + what + ": input " + errors.input() + "; parameters " + errors.parameters());
    }
}
