package org.singanseg.studio.core.nn.compute;

/**
 * The libnd4j native ops the layers use, with their argument conventions in one place. Arrays are
 * channels-last, [batch, height, width, channels]: oneDNN's convolutions ran faster that way than
 * in NCHW. Float32 convolutions on the CPU go to {@link OneDnnConvolution} instead
 * ({@link ConvolutionPasses} chooses); these serve double precision, the GPU, and machines without
 * the direct library.
 */
public final class Ops {
    /** libnd4j conv2d int args: padding mode VALID or SAME, layout NHWC, weights [kH, kW, inC, outC]. */
    private static final int VALID = 0;
    private static final int SAME = 1;
    private static final int NHWC = 1;
    private static final int WEIGHTS_YXIO = 0;

    private Ops() {
    }

    /**
     * Inputs: input, weights, bias; output: output.
     *
     * @param same zero padding that keeps the size (odd kernels) instead of none
     */
    static NativeOp conv2d(int kernel, boolean same) {
        return new NativeOp("conv2d", 3, convArgs(kernel, same));
    }

    /** Inputs: input, weights, bias, gradOut; outputs: gradIn, gradWeights, gradBias. */
    static NativeOp conv2dBackward(int kernel, boolean same) {
        return new NativeOp("conv2d_bp", 4, convArgs(kernel, same));
    }

    /**
     * The input gradient of conv2d alone: a transposed convolution (deconv2d, whose weights
     * [kH, kW, its outC, its inC] are conv2d's [kH, kW, inC, outC]). Inputs: gradOut, weights;
     * output: gradIn.
     */
    static NativeOp conv2dInputGradient(int kernel, boolean same) {
        return new NativeOp("deconv2d", 2, convArgs(kernel, same));
    }

    private static int[] convArgs(int kernel, boolean same) {
        // kH, kW, sH, sW, pH, pW (computed in SAME mode), dH, dW, paddingMode, dataFormat, weightsFormat
        return new int[]{kernel, kernel, 1, 1, 0, 0, 1, 1, same ? SAME : VALID, NHWC, WEIGHTS_YXIO};
    }

    /**
     * 2x2 max pooling, stride 2, no padding: odd sides are floored. The backward op routes each
     * window's gradient to its first maximum in row-major order (checked in the tests).
     * Forward inputs: input; output: output. Backward inputs: input, gradOut; output: gradIn.
     */
    public static NativeOp maxPool2x2(boolean backward) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, extraParam0 (unused by max pooling), isNHWC
        int[] args = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 1};
        return backward ? new NativeOp("maxpool2d_bp", 2, args) : new NativeOp("maxpool2d", 1, args);
    }

    /**
     * Nearest-neighbour 2x upsampling; its backward sums each 2x2 block of gradOut.
     * Forward inputs: input; output: output. Backward inputs: input, gradOut; output: gradIn.
     */
    public static NativeOp upsample2x(boolean backward) {
        // Forward: factorH, factorW, data format (0: NHWC). Backward: data format.
        return backward ? new NativeOp("upsampling2d_bp", 2, new int[]{0})
                : new NativeOp("upsampling2d", 1, new int[]{2, 2, 0});
    }

    /** dLoss/dx of tanh(x). Inputs: x, gradOut; output: gradIn. */
    public static NativeOp tanhBackward() {
        return new NativeOp("tanh_bp", 2, new int[0]);
    }
}
