package org.singanseg.studio.core.nn.compute;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The passes of one stride-1 convolution on channels-last [B, H, W, C] arrays, with weights
 * [k, k, inChannels, outChannels]: run by oneDNN directly for float32 on the CPU
 * ({@link OneDnnConvolution}), else by libnd4j's ops ({@link Ops}: double precision, the GPU, a
 * machine without the library, a shape oneDNN cannot run). The backward passes take the path of
 * the last forward. Returned arrays are buffers owned by this object, overwritten by the next call.
 */
public final class ConvolutionPasses {
    /**
     * 3x3 valid convolutions between multiples of 16 channels run Winograd's F(4x4, 3x3) algorithm
     * from this many output pixels on, where oneDNN has kernels for it: its kernels need oneDNN's
     * blocked layout, and below this size the reorders in and out cost more than it saves.
     */
    public static final long WINOGRAD_FROM_PIXELS = 3000;

    private final int outChannels;
    private final int shrink;
    private final NativeOp forwardOp;
    private final NativeOp backwardOp;
    private final NativeOp inputGradientOp;
    private final OneDnnConvolution direct;
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();

    /** The last forward's input, as the path that ran it reads it. */
    private INDArray input;
    /** Whether the last forward ran through {@link #direct} (its backward then does too). */
    private boolean passDirect;

    /** @param same zero-pad every input by (kernel - 1) / 2 to keep its size; else no padding ("valid") */
    public ConvolutionPasses(int inChannels, int outChannels, int kernel, boolean same) {
        this.outChannels = outChannels;
        this.shrink = same ? 0 : kernel - 1;
        this.forwardOp = Ops.conv2d(kernel, same);
        this.backwardOp = Ops.conv2dBackward(kernel, same);
        this.inputGradientOp = Ops.conv2dInputGradient(kernel, same);
        this.direct = new OneDnnConvolution(inChannels, outChannels, kernel, same ? (kernel - 1) / 2 : 0);
    }

    public INDArray forward(INDArray x, INDArray weights, INDArray bias) {
        INDArray out = output.get(x.dataType(), x.size(0), x.size(1) - shrink, x.size(2) - shrink, outChannels);
        input = x;
        passDirect = false;
        if (DirectOneDnn.handles(x.dataType())) {
            INDArray dense = DirectOneDnn.dense(x);
            passDirect = direct.forward(dense, weights, bias, out);
            input = passDirect ? dense : x;
        }
        if (!passDirect) {
            forwardOp.run(x, weights, bias, out);
        }
        return out;
    }

    /**
     * dLoss/dInput of the last forward; the weight and bias gradients overwrite gradWeights and
     * gradBias.
     */
    public INDArray backward(INDArray gradOutput, INDArray weights, INDArray bias, INDArray gradWeights,
                             INDArray gradBias) {
        INDArray gIn = gradInput.like(input);
        if (passDirect) {
            direct.backward(input, weights, DirectOneDnn.dense(gradOutput), gIn, gradWeights, gradBias);
        } else {
            backwardOp.run(input, weights, bias, gradOutput, gIn, gradWeights, gradBias);
        }
        return gIn;
    }

    /** The weight and bias gradients alone through oneDNN; libnd4j's conv2d_bp makes the input gradient anyway. */
    public void parameterGradients(INDArray gradOutput, INDArray weights, INDArray bias, INDArray gradWeights,
                                   INDArray gradBias) {
        if (passDirect) {
            direct.weightGradients(input, DirectOneDnn.dense(gradOutput), gradWeights, gradBias);
        } else {
            backward(gradOutput, weights, bias, gradWeights, gradBias);
        }
    }

    /** dLoss/dInput alone: the transposed convolution of gradOutput, about half of the full backward's work. */
    public INDArray inputGradient(INDArray gradOutput, INDArray weights) {
        INDArray gIn = gradInput.like(input);
        if (passDirect) {
            direct.inputGradient(input, weights, DirectOneDnn.dense(gradOutput), gIn);
        } else {
            inputGradientOp.run(gradOutput, weights, gIn);
        }
        return gIn;
    }
}
