package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thin calls into libnd4j's native custom ops with caller-owned output arrays, so the hot training
 * loop allocates nothing and each op runs on the fastest kernel the native build has (oneDNN on
 * the CPU where available).
 */
final class Ops {
    /** libnd4j conv2d int args: padding mode VALID, layout NCHW, weights [kH, kW, inC, outC]. */
    private static final int VALID = 0;
    private static final int NCHW = 0;
    private static final int WEIGHTS_YXIO = 0;

    private Ops() {
    }

    static void conv2d(INDArray input, INDArray weights, INDArray bias, INDArray output, int kernel) {
        exec(DynamicCustomOp.builder("conv2d")
                .addInputs(input, weights, bias)
                .addOutputs(output)
                .addIntegerArguments(convArgs(kernel)));
    }

    static void conv2dBackward(INDArray input, INDArray weights, INDArray bias, INDArray gradOut,
                               INDArray gradIn, INDArray gradWeights, INDArray gradBias, int kernel) {
        exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(input, weights, bias, gradOut)
                .addOutputs(gradIn, gradWeights, gradBias)
                .addIntegerArguments(convArgs(kernel)));
    }

    private static int[] convArgs(int kernel) {
        // kH, kW, sH, sW, pH, pW, dH, dW, paddingMode, dataFormat, weightsFormat
        return new int[]{kernel, kernel, 1, 1, 0, 0, 1, 1, VALID, NCHW, WEIGHTS_YXIO};
    }

    /** Batch normalisation with the given statistics, normalising each channel (axis 1). */
    static void batchNorm(INDArray input, INDArray mean, INDArray variance, INDArray gamma, INDArray beta,
                          INDArray output, double epsilon) {
        exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(input, mean, variance, gamma, beta)
                .addOutputs(output)
                .addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(epsilon));
    }

    /** Multiplies each channel c of an NCHW array by perChannel[c], in place. */
    static void scaleChannels(INDArray target, INDArray perChannel) {
        Nd4j.exec(new BroadcastMulOp(target, perChannel, target, 1));
    }

    /** Per-channel mean and biased variance over batch, height and width of an NCHW array. */
    static void channelMoments(INDArray input, INDArray mean, INDArray variance) {
        exec(DynamicCustomOp.builder("moments")
                .addInputs(input)
                .addOutputs(mean, variance)
                .addIntegerArguments(0, 2, 3));
    }

    static void leakyRelu(INDArray input, INDArray output, double alpha) {
        exec(DynamicCustomOp.builder("lrelu")
                .addInputs(input)
                .addOutputs(output)
                .addFloatingPointArguments(alpha));
    }

    static void leakyReluBackward(INDArray input, INDArray gradOut, INDArray gradIn, double alpha) {
        exec(DynamicCustomOp.builder("lrelu_bp")
                .addInputs(input, gradOut)
                .addOutputs(gradIn)
                .addFloatingPointArguments(alpha));
    }

    private static void exec(DynamicCustomOp.DynamicCustomOpsBuilder builder) {
        Nd4j.exec(builder.build());
    }
}
