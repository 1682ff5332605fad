package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.GradientCheck;
import org.singanseg.studio.core.nn.Sequential;

/**
 * Whole UNet++ networks against numerical gradients (double precision, relative error below 1e-5,
 * input and all parameters): a node that feeds several later nodes (the later nodes of its level,
 * the node above through upsampling, in the encoder the level below through pooling) gets the sum
 * of their gradients, which is only right if these pass. Depth 3 has a node, X^{0,0}, that feeds
 * three others.
 */
class UNetPlusPlusTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @Test
    void twoLevelGradientsForABatch() {
        report("UNet++ depth 2, width 2, batch 2", GradientCheck.checkNet(UNetPlusPlus.network(DataType.DOUBLE, 3, 2, 2),
                MAX_RELATIVE_ERROR, 2, 4, 6, 3));
    }

    @Test
    void threeLevelGradients() {
        // 8x8: the 2x2 bottom level still has a variance for batch norm to divide by.
        report("UNet++ depth 3, width 1", GradientCheck.checkNet(UNetPlusPlus.network(DataType.DOUBLE, 3, 3, 1),
                MAX_RELATIVE_ERROR, 1, 8, 8, 3));
    }

    @Test
    void outputsOneLogitPerPixel() {
        Sequential net = UNetPlusPlus.network(DataType.FLOAT, 3, 4, 4);
        net.initialise(new Random(1));
        assertArrayEquals(new long[]{2, 16, 24, 1}, net.forward(Nd4j.rand(DataType.FLOAT, 2, 16, 24, 3)).shape());
    }

    @Test
    void rejectsSidesThatDoNotHalveCleanly() {
        Sequential net = UNetPlusPlus.network(DataType.FLOAT, 3, 3, 4);
        net.initialise(new Random(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Nd4j.rand(DataType.FLOAT, 1, 12, 10, 3)));
        assertTrue(e.getMessage().contains("UNet++ of depth 3") && e.getMessage().contains("multiples of 4"),
                e.getMessage());
    }

    /** At depth 1 both are one block and the head: the same parameters, drawn alike, give the same logits. */
    @Test
    void depthOneIsTheUNet() {
        Sequential plus = UNetPlusPlus.network(DataType.DOUBLE, 3, 1, 4);
        Sequential unet = UNet.network(DataType.DOUBLE, 3, 1, 4);
        assertEquals(unet.parameters().length(), plus.parameters().length());
        plus.initialise(new Random(3));
        unet.initialise(new Random(3));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 6, 5, 3);
        assertEquals(unet.forward(input).dup(), plus.forward(input));
    }

    /**
     * Depth 2 is a U-Net too (the skip before the upsampled features); deeper, the nested nodes add
     * parameters. Prints the default depth 4, width 16 for comparison.
     */
    @Test
    void parametersAgainstTheUNet() {
        assertEquals(parameters(UNet.network(DataType.FLOAT, 3, 2, 4)),
                parameters(UNetPlusPlus.network(DataType.FLOAT, 3, 2, 4)));
        assertTrue(parameters(UNetPlusPlus.network(DataType.FLOAT, 3, 3, 4))
                > parameters(UNet.network(DataType.FLOAT, 3, 3, 4)));
        System.out.println("parameters at depth 4, width 16: U-Net "
                + parameters(UNet.network(DataType.FLOAT, 3, 4, 16)) + ", UNet++ "
                + parameters(UNetPlusPlus.network(DataType.FLOAT, 3, 4, 16)));
    }

    private static long parameters(Sequential net) {
        return net.parameters().length();
    }

    private static void report(String what, GradientCheck.Errors errors) {
        System.out.println("gradient check " + what + ": input " + errors.input() + "; parameters " + errors.parameters());
    }
}
