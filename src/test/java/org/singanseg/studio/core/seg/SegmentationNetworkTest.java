package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.GradientCheck;
import org.singanseg.studio.core.nn.Sequential;

/**
 * The U-Net and UNet++ as whole networks against numerical gradients (double precision, relative
 * error below 1e-5, input and all parameters). A node that feeds several others gets the sum of
 * their gradients (a U-Net's encoder output: the level below and its skip; a UNet++ node: the later
 * nodes of its level and the node above, and at depth 3 X^{0,0} feeds three), which is only right
 * if these pass.
 */
class SegmentationNetworkTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @ParameterizedTest
    @EnumSource(SegmentationModel.class)
    void twoLevelGradientsForABatch(SegmentationModel model) {
        report(model.displayName() + " depth 2, width 2, batch 2",
                GradientCheck.checkNet(model.network(DataType.DOUBLE, 3, 2, 2), MAX_RELATIVE_ERROR, 2, 4, 6, 3));
    }

    @ParameterizedTest
    @EnumSource(SegmentationModel.class)
    void threeLevelGradients(SegmentationModel model) {
        // 8x8: the 2x2 bottom level still has a variance for batch norm to divide by.
        report(model.displayName() + " depth 3, width 1",
                GradientCheck.checkNet(model.network(DataType.DOUBLE, 3, 3, 1), MAX_RELATIVE_ERROR, 1, 8, 8, 3));
    }

    @ParameterizedTest
    @EnumSource(SegmentationModel.class)
    void outputsOneLogitPerPixel(SegmentationModel model) {
        Sequential net = model.network(DataType.FLOAT, 3, 4, 4);
        net.initialise(new Random(1));
        assertArrayEquals(new long[]{2, 16, 24, 1}, net.forward(Nd4j.rand(DataType.FLOAT, 2, 16, 24, 3)).shape());
    }

    @ParameterizedTest
    @EnumSource(SegmentationModel.class)
    void rejectsSidesThatDoNotHalveCleanly(SegmentationModel model) {
        Sequential net = model.network(DataType.FLOAT, 3, 3, 4);
        net.initialise(new Random(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Nd4j.rand(DataType.FLOAT, 1, 12, 10, 3)));
        assertTrue(e.getMessage().contains(model.displayName() + " of depth 3")
                && e.getMessage().contains("multiples of 4"), e.getMessage());
    }

    /** At depth 1 both are one block and the head: the same parameters, drawn alike, give the same logits. */
    @Test
    void depthOneUNetPlusPlusIsTheUNet() {
        Sequential plus = UNetPlusPlus.network(DataType.DOUBLE, 3, 1, 4);
        Sequential unet = UNet.network(DataType.DOUBLE, 3, 1, 4);
        assertEquals(unet.parameters().length(), plus.parameters().length());
        plus.initialise(new Random(3));
        unet.initialise(new Random(3));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 6, 5, 3);
        assertEquals(unet.forward(input).dup(), plus.forward(input));
    }

    /**
     * Depth 2 UNet++ has the U-Net's parameters (the skip before the upsampled features); deeper,
     * the nested nodes add some. Prints the default depth 4, width 16 for comparison.
     */
    @Test
    void unetPlusPlusParametersAgainstTheUNet() {
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
