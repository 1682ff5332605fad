package org.singanseg.studio.core.nn;

/**
 * The libnd4j native ops the layers use, with their argument conventions in one place. Arrays are
 * channels-last, [batch, height, width, channels]: oneDNN's convolutions ran up to 1.6x faster
 * that way than in NCHW here.
 */
final class Ops {
    /** libnd4j conv2d int args: padding mode VALID, layout NHWC, weights [kH, kW, inC, outC]. */
    private static final int VALID = 0;
    private static final int NHWC = 1;
    private static final int WEIGHTS_YXIO = 0;

    private Ops() {
    }

    /** Inputs: input, weights, bias; output: output. */
    static NativeOp conv2d(int kernel) {
        return new NativeOp("conv2d", 3, convArgs(kernel));
    }

    /** Inputs: input, weights, bias, gradOut; outputs: gradIn, gradWeights, gradBias. */
    static NativeOp conv2dBackward(int kernel) {
        return new NativeOp("conv2d_bp", 4, convArgs(kernel));
    }

    /**
     * The input gradient of conv2d alone: a transposed convolution (deconv2d, whose weights
     * [kH, kW, its outC, its inC] are conv2d's [kH, kW, inC, outC]). Inputs: gradOut, weights;
     * output: gradIn.
     */
    static NativeOp conv2dInputGradient(int kernel) {
        return new NativeOp("deconv2d", 2, convArgs(kernel));
    }

    private static int[] convArgs(int kernel) {
        // kH, kW, sH, sW, pH, pW, dH, dW, paddingMode, dataFormat, weightsFormat
        return new int[]{kernel, kernel, 1, 1, 0, 0, 1, 1, VALID, NHWC, WEIGHTS_YXIO};
    }

    /** dLoss/dx of tanh(x). Inputs: x, gradOut; output: gradIn. */
    static NativeOp tanhBackward() {
        return new NativeOp("tanh_bp", 2, new int[0]);
    }
}
