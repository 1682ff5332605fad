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
 * The weight and bias gradients as matrix products against libnd4j's conv2d_bp in double precision,
 * on every CPU (the convolution layers use it only below AVX-512): kernels of 1, 3 and 5 taps,
 * batches whose images each add to the sums, and the same sizes twice (the reused buffers).
 */
class GemmWeightGradientTest {
    private static final double TOLERANCE = 1e-5;

    @BeforeEach
    void needsTheDirectLibrary() {
        assumeTrue(DirectOneDnn.handles(DataType.FLOAT), "oneDNN runs on the CPU backend only");
    }

    @Test
    void threeByThreeMatchesLibnd4jInDouble() {
        GemmWeightGradient gemm = new GemmWeightGradient(2, 11, 13, 5, 7, 3);
        assertAgrees(gemm, Nd4j.randn(DataType.FLOAT, 2, 11, 13, 5), 7, 3);
        assertAgrees(gemm, Nd4j.randn(DataType.FLOAT, 2, 11, 13, 5), 7, 3);
    }

    @Test
    void otherKernelSizesMatchLibnd4jInDouble() {
        assertAgrees(new GemmWeightGradient(1, 9, 8, 4, 6, 1), Nd4j.randn(DataType.FLOAT, 1, 9, 8, 4), 6, 1);
        assertAgrees(new GemmWeightGradient(1, 12, 10, 3, 2, 5), Nd4j.randn(DataType.FLOAT, 1, 12, 10, 3), 2, 5);
    }

    @Test
    void aViewIntoALargerBatchIsReadAtItsOffset() {
        INDArray view = Nd4j.randn(DataType.FLOAT, 3, 10, 9, 4).get(NDArrayIndex.interval(2, 3));
        assertTrue(view.offset() > 0);
        assertAgrees(new GemmWeightGradient(1, 10, 9, 4, 8, 3), view, 8, 3);
    }

    private static void assertAgrees(GemmWeightGradient gemm, INDArray xf, int out, int kernel) {
        INDArray x = xf.castTo(DataType.DOUBLE);
        INDArray weights = Nd4j.randn(DataType.DOUBLE, kernel, kernel, x.size(3), out);
        INDArray bias = Nd4j.randn(DataType.DOUBLE, out);
        INDArray gradOutput = Nd4j.randn(DataType.DOUBLE, x.size(0), x.size(1) - kernel + 1, x.size(2) - kernel + 1,
                out);
        INDArray expectedGradW = Nd4j.create(DataType.DOUBLE, weights.shape());
        INDArray expectedGradB = Nd4j.create(DataType.DOUBLE, bias.shape());
        Ops.conv2dBackward(kernel, false).run(x, weights, bias, gradOutput,
                Nd4j.create(DataType.DOUBLE, x.shape()), expectedGradW, expectedGradB);

        // Stale values in the outputs must not leak into the sums.
        INDArray gradW = Nd4j.valueArrayOf(weights.shape(), 7.0f);
        INDArray gradB = Nd4j.valueArrayOf(bias.shape(), 7.0f);
        gemm.compute(xf, gradOutput.castTo(DataType.FLOAT), gradW, gradB);
        assertClose(expectedGradW, gradW, "weight gradient");
        assertClose(expectedGradB, gradB, "bias gradient");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.amaxNumber().doubleValue();
        double error = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(error <= TOLERANCE * scale, what + ": largest difference " + error + " for values up to " + scale);
    }
}
