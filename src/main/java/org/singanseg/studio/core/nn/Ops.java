package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j native ops the layers use, with their argument conventions in one place. Each
 * runs on the fastest kernel the native build has (oneDNN on the CPU where available).
 */
final class Ops {
    /** libnd4j conv2d int args: padding mode VALID, layout NCHW, weights [kH, kW, inC, outC]. */
    private static final int VALID = 0;
    private static final int NCHW = 0;
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

    private static int[] convArgs(int kernel) {
        // kH, kW, sH, sW, pH, pW, dH, dW, paddingMode, dataFormat, weightsFormat
        return new int[]{kernel, kernel, 1, 1, 0, 0, 1, 1, VALID, NCHW, WEIGHTS_YXIO};
    }

    /**
     * gamma * (x - mean) / sqrt(variance + epsilon) + beta per channel (axis 1).
     * Inputs: input, mean, variance, gamma, beta; output: output.
     */
    static NativeOp batchNorm(double epsilon) {
        return new NativeOp("batchnorm", 5, new int[]{1, 1, 1}, epsilon);
    }

    /** Per-channel mean and biased variance over batch, height and width of an NCHW array. */
    static NativeOp channelMoments() {
        return new NativeOp("moments", 1, new int[]{0, 2, 3});
    }

    /** dLoss/dx of tanh(x). Inputs: x, gradOut; output: gradIn. */
    static NativeOp tanhBackward() {
        return new NativeOp("tanh_bp", 2, new int[0]);
    }

    /** target = source with each channel c of the NCHW array multiplied by perChannel[c]. */
    static void scaleChannels(INDArray source, INDArray perChannel, INDArray target) {
        Nd4j.exec(new BroadcastMulOp(source, perChannel, target, 1));
    }
}
