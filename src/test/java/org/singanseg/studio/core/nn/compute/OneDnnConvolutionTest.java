package org.singanseg.studio.core.nn.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The direct oneDNN convolution in float32 against libnd4j's conv2d, conv2d_bp and deconv2d in
 * double precision (the ops the gradient checks prove), for valid and same padding, batches of
 * several images, views into a larger batch, and shapes met twice (the cached primitives).
 */
class OneDnnConvolutionTest {
    /**
     * Relative to the largest value: float32 sums of up to a thousand terms, with the rounding of
     * Winograd's transforms (WinogradConvolutionTest).
     */
    private static final double TOLERANCE = 2e-5;

    @BeforeEach
    void needsTheDirectLibrary() {
        assumeTrue(DirectOneDnn.handles(DataType.FLOAT), "oneDNN runs on the CPU backend only");
    }

    @Test
    void validConvolutionMatchesLibnd4jInDouble() {
        Case c = new Case(5, 7, 3, false);
        c.assertAgrees(Nd4j.randn(DataType.FLOAT, 3, 11, 13, 5));
        // The same shape again reuses the cached primitives, with new values.
        c.assertAgrees(Nd4j.randn(DataType.FLOAT, 3, 11, 13, 5));
        c.assertAgrees(Nd4j.randn(DataType.FLOAT, 1, 9, 8, 5));
    }

    @Test
    void largeImagesMatchLibnd4jInDouble() {
        // 16 to 32 channels on 62x58 px outputs: Winograd's size, staged in oneDNN's blocked layout
        // where it has Winograd kernels for this CPU (AVX-512); below AVX-512 layers this narrow
        // keep the direct algorithm (this project's Winograd pays from 64 channels).
        assertTrue(62 * 58 >= ConvolutionPasses.WINOGRAD_FROM_PIXELS);
        Case c = new Case(16, 32, 3, false);
        INDArray two = Nd4j.randn(DataType.FLOAT, 2, 64, 60, 16);
        assertEquals(DirectOneDnn.hasAvx512(), c.direct.usesWinograd(two));
        c.assertAgrees(two);
        c.assertAgrees(Nd4j.randn(DataType.FLOAT, 1, 64, 60, 16));
        // Small images and channel counts that are not multiples of 16 keep the direct algorithm.
        assertFalse(c.direct.usesWinograd(Nd4j.randn(DataType.FLOAT, 1, 20, 20, 16)));
        assertFalse(new Case(4, 32, 3, false).direct.usesWinograd(Nd4j.randn(DataType.FLOAT, 1, 64, 60, 4)));
    }

    @Test
    void heldToAvx2WideLayersOnLargeImagesRunThisProjectsWinogradAndMatchLibnd4j() {
        assumeTrue("AVX2".equalsIgnoreCase(System.getenv("DNNL_MAX_CPU_ISA")), "the AVX2 test run (pom.xml)");
        assertEquals("avx2", DirectOneDnn.instructionSet());
        assertFalse(DirectOneDnn.hasAvx512());
        // 64 channels on 104x98 px outputs: WinogradConvolution for every pass.
        Case c = new Case(64, 64, 3, false);
        INDArray large = Nd4j.randn(DataType.FLOAT, 1, 106, 100, 64);
        assertTrue(c.direct.usesWinograd(large));
        c.assertAgrees(large);
        // Below its size, the direct kernels, and the weight gradients as matrix products.
        INDArray smaller = Nd4j.randn(DataType.FLOAT, 2, 60, 56, 64);
        assertFalse(c.direct.usesWinograd(smaller));
        c.assertAgrees(smaller);
    }

    @Test
    void samePaddingKeepsTheSizeAndMatchesLibnd4j() {
        Case c = new Case(4, 6, 3, true);
        INDArray out = c.assertAgrees(Nd4j.randn(DataType.FLOAT, 2, 10, 7, 4));
        assertEquals(10, out.size(1));
        assertEquals(7, out.size(2));
    }

    @Test
    void aViewIntoALargerBatchIsReadAtItsOffset() {
        Case c = new Case(3, 4, 3, false);
        INDArray batch = Nd4j.randn(DataType.FLOAT, 3, 9, 10, 3);
        INDArray view = batch.get(NDArrayIndex.interval(2, 3));
        assertTrue(view.offset() > 0);
        c.assertAgrees(view);
        // A view whose length-1 batch axis has a stride that is not the image's size is still dense.
        INDArray squeezed = Nd4j.randn(DataType.FLOAT, 9, 10, 3).reshape(1, 9, 10, 3);
        c.assertAgrees(squeezed);
    }

    /** One layer's parameters in double (for libnd4j) and float (for oneDNN). */
    private static final class Case {
        final int in;
        final int out;
        final int kernel;
        final boolean same;
        final INDArray weights;
        final INDArray bias;
        final OneDnnConvolution direct;

        Case(int in, int out, int kernel, boolean same) {
            this.in = in;
            this.out = out;
            this.kernel = kernel;
            this.same = same;
            weights = Nd4j.randn(DataType.DOUBLE, kernel, kernel, in, out).muli(0.3);
            bias = Nd4j.randn(DataType.DOUBLE, out);
            direct = new OneDnnConvolution(in, out, kernel, same ? (kernel - 1) / 2 : 0);
        }

        /** Checks forward, input gradient alone, and the full backward of a float input; returns the output. */
        INDArray assertAgrees(INDArray xf) {
            INDArray x = xf.castTo(DataType.DOUBLE);
            int shrink = same ? 0 : kernel - 1;
            long[] outShape = {x.size(0), x.size(1) - shrink, x.size(2) - shrink, out};
            INDArray gradOutput = Nd4j.randn(DataType.DOUBLE, outShape);

            INDArray expectedOut = Nd4j.create(DataType.DOUBLE, outShape);
            Ops.conv2d(kernel, same).run(x, weights, bias, expectedOut);
            INDArray expectedGradIn = Nd4j.create(DataType.DOUBLE, x.shape());
            INDArray expectedGradW = Nd4j.create(DataType.DOUBLE, weights.shape());
            INDArray expectedGradB = Nd4j.create(DataType.DOUBLE, bias.shape());
            Ops.conv2dBackward(kernel, same).run(x, weights, bias, gradOutput, expectedGradIn, expectedGradW,
                    expectedGradB);

            INDArray wf = weights.castTo(DataType.FLOAT);
            INDArray gf = gradOutput.castTo(DataType.FLOAT);
            INDArray actualOut = Nd4j.create(DataType.FLOAT, outShape);
            assertTrue(direct.forward(xf, wf, bias.castTo(DataType.FLOAT), actualOut), "oneDNN runs it");
            assertClose(expectedOut, actualOut, "output");

            INDArray inputOnly = Nd4j.create(DataType.FLOAT, x.shape());
            direct.inputGradient(xf, wf, gf, inputOnly);
            assertClose(expectedGradIn, inputOnly, "input gradient alone");

            INDArray gradIn = Nd4j.create(DataType.FLOAT, x.shape());
            INDArray gradW = Nd4j.valueArrayOf(weights.shape(), 7.0f);
            INDArray gradB = Nd4j.valueArrayOf(bias.shape(), 7.0f);
            direct.backward(xf, wf, gf, gradIn, gradW, gradB);
            assertClose(expectedGradIn, gradIn, "input gradient");
            assertClose(expectedGradW, gradW, "weight gradient");
            assertClose(expectedGradB, gradB, "bias gradient");

            INDArray weightsOnly = Nd4j.valueArrayOf(weights.shape(), 7.0f);
            INDArray biasOnly = Nd4j.valueArrayOf(bias.shape(), 7.0f);
            direct.weightGradients(xf, gf, weightsOnly, biasOnly);
            assertClose(expectedGradW, weightsOnly, "weight gradient alone");
            assertClose(expectedGradB, biasOnly, "bias gradient alone");
            return actualOut;
        }

        private static void assertClose(INDArray expected, INDArray actual, String what) {
            double scale = expected.amaxNumber().doubleValue();
            double error = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
            assertTrue(error <= TOLERANCE * scale,
                    what + ": largest difference " + error + " for values up to " + scale);
        }
    }
}
