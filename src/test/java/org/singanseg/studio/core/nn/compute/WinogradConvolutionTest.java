package org.singanseg.studio.core.nn.compute;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * This project's Winograd F(4x4, 3x3) against libnd4j's conv2d and conv2d_bp in double precision
 * (output, input gradient, weight and bias gradients), on every CPU (the layers use it only where
 * oneDNN has no Winograd kernels): sizes that are not
 * multiples of the 4x4 tile (partial tiles at the right and bottom edges), images too small for
 * one full tile, batches, other channel counts in than out, views into a larger batch, large images
 * that split the transforms between two threads, and the same object reused for new shapes.
 */
class WinogradConvolutionTest {
    /** Relative to the largest value: Winograd's transforms add some rounding to float32 sums. */
    private static final double TOLERANCE = 2e-5;

    @BeforeEach
    void needsTheDirectLibrary() {
        assumeTrue(DirectOneDnn.handles(DataType.FLOAT), "oneDNN's sgemm runs on the CPU backend only");
    }

    @Test
    void partialTilesAndBatchesMatchLibnd4jInDouble() {
        WinogradConvolution winograd = new WinogradConvolution(5, 7);
        INDArray weights = Nd4j.randn(DataType.DOUBLE, 3, 3, 5, 7).muli(0.3);
        assertAgrees(winograd, weights, Nd4j.randn(DataType.FLOAT, 3, 11, 13, 5));
        // The same object for other sizes: smaller than one tile, and exact multiples of the tile.
        assertAgrees(winograd, weights, Nd4j.randn(DataType.FLOAT, 1, 4, 5, 5));
        assertAgrees(winograd, weights, Nd4j.randn(DataType.FLOAT, 2, 10, 6, 5));
    }

    @Test
    void largeImagesSplitBetweenTwoThreadsMatchLibnd4jInDouble() {
        assertTrue(61 * 47 >= HelperThread.SPLIT_FROM_PIXELS);
        WinogradConvolution winograd = new WinogradConvolution(32, 16);
        assertAgrees(winograd, Nd4j.randn(DataType.DOUBLE, 3, 3, 32, 16).muli(0.1),
                Nd4j.randn(DataType.FLOAT, 2, 63, 49, 32));
    }

    @Test
    void aViewIntoALargerBatchIsReadAndWrittenAtItsOffset() {
        INDArray view = Nd4j.randn(DataType.FLOAT, 3, 9, 10, 4).get(NDArrayIndex.interval(2, 3));
        assertTrue(view.offset() > 0);
        assertAgrees(new WinogradConvolution(4, 6), Nd4j.randn(DataType.DOUBLE, 3, 3, 4, 6), view);
    }

    /** Forward and every gradient of a float input against double precision. */
    private static void assertAgrees(WinogradConvolution winograd, INDArray weights, INDArray xf) {
        INDArray x = xf.castTo(DataType.DOUBLE);
        long out = weights.size(3);
        INDArray bias = Nd4j.randn(DataType.DOUBLE, out);
        long[] outShape = {x.size(0), x.size(1) - 2, x.size(2) - 2, out};
        INDArray gradOutput = Nd4j.randn(DataType.DOUBLE, outShape);
        INDArray expectedOut = Nd4j.create(DataType.DOUBLE, outShape);
        Ops.conv2d(3, false).run(x, weights, bias, expectedOut);
        INDArray expectedGradIn = Nd4j.create(DataType.DOUBLE, x.shape());
        INDArray expectedGradW = Nd4j.create(DataType.DOUBLE, weights.shape());
        INDArray expectedGradB = Nd4j.create(DataType.DOUBLE, bias.shape());
        Ops.conv2dBackward(3, false).run(x, weights, bias, gradOutput, expectedGradIn, expectedGradW, expectedGradB);

        // Outputs start from stale values, which must all be overwritten; one image's output is a
        // view into a larger batch, written at its offset.
        INDArray actualOut = outShape[0] == 1
                ? Nd4j.valueArrayOf(new long[] {2, outShape[1], outShape[2], out}, 7f, DataType.FLOAT)
                        .get(NDArrayIndex.interval(1, 2))
                : Nd4j.valueArrayOf(outShape, 7f, DataType.FLOAT);
        INDArray wf = weights.castTo(DataType.FLOAT);
        winograd.forward(xf, wf, bias.castTo(DataType.FLOAT), actualOut);
        assertClose(expectedOut, actualOut, "output");

        INDArray gf = gradOutput.castTo(DataType.FLOAT);
        INDArray actualGradIn = Nd4j.valueArrayOf(x.shape(), 7f, DataType.FLOAT);
        winograd.inputGradient(gf, wf, actualGradIn);
        assertClose(expectedGradIn, actualGradIn, "input gradient");

        INDArray actualGradW = Nd4j.valueArrayOf(weights.shape(), 7f, DataType.FLOAT);
        INDArray actualGradB = Nd4j.valueArrayOf(bias.shape(), 7f, DataType.FLOAT);
        winograd.weightGradients(xf, gf, actualGradW, actualGradB);
        assertClose(expectedGradW, actualGradW, "weight gradient");
        assertClose(expectedGradB, actualGradB, "bias gradient");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.amaxNumber().doubleValue();
        double error = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(error <= TOLERANCE * scale, what + ": largest difference " + error + " for values up to " + scale);
    }
}
