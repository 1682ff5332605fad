package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.compute.ConvolutionPasses;

/**
 * 2-D convolution, stride 1, no padding ("valid"): a k x k kernel shrinks each side by k - 1.
 * SinGAN pads its input once by the stack's total shrink instead of padding every layer.
 * {@link #same} makes one that zero-pads every input to keep its size instead (the U-Net's).
 * Weights are [k, k, inChannels, outChannels], initialised N(0, 0.02) as in SinGAN; the bias
 * uses PyTorch's default U(-1/sqrt(fanIn), 1/sqrt(fanIn)). {@link ConvolutionPasses} runs the
 * arithmetic.
 */
public final class Conv2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final boolean same;

    private INDArray weights;
    private INDArray bias;
    private INDArray weightGrad;
    private INDArray biasGrad;

    private final ConvolutionPasses passes;

    /** A valid convolution: no padding. */
    public Conv2d(int inChannels, int outChannels, int kernel) {
        this(inChannels, outChannels, kernel, false);
    }

    private Conv2d(int inChannels, int outChannels, int kernel, boolean same) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.same = same;
        this.passes = new ConvolutionPasses(inChannels, outChannels, kernel, same);
    }

    /** A convolution with (kernel - 1) / 2 zeros of padding on every side, which keeps the size. */
    public static Conv2d same(int inChannels, int outChannels, int kernel) {
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("Same padding needs an odd kernel, got " + kernel);
        }
        return new Conv2d(inChannels, outChannels, kernel, true);
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int kernel() {
        return kernel;
    }

    /** Whether inputs are zero-padded to keep their size ({@link #same}). */
    public boolean keepsSize() {
        return same;
    }

    /** How much the output is smaller than the input on each axis: k - 1, or 0 with same padding. */
    public int shrink() {
        return same ? 0 : kernel - 1;
    }

    /** Multiply-adds times two for one forward pass producing an outH x outW map per image. */
    public double forwardFlops(long batch, long outH, long outW) {
        return 2.0 * kernel * kernel * inChannels * outChannels * outH * outW * batch;
    }

    @Override
    public List<long[]> parameterShapes() {
        return List.of(new long[]{kernel, kernel, inChannels, outChannels}, new long[]{outChannels});
    }

    @Override
    public void bind(List<INDArray> parameters, List<INDArray> passGradients) {
        weights = parameters.get(0);
        bias = parameters.get(1);
        weightGrad = passGradients.get(0);
        biasGrad = passGradients.get(1);
    }

    @Override
    public void initialise(Random random) {
        Init.normal(weights, random, 0.0, 0.02);
        double bound = 1.0 / Math.sqrt((double) inChannels * kernel * kernel);
        Init.uniform(bias, random, -bound, bound);
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x.rank() != 4 || x.size(3) != inChannels) {
            throw new IllegalArgumentException("Conv2d expects [batch, h, w, " + inChannels + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        return passes.forward(x, weights, bias);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return passes.backward(gradOutput, weights, bias, weightGrad, biasGrad);
    }

    @Override
    public void parameterGradients(INDArray gradOutput) {
        passes.parameterGradients(gradOutput, weights, bias, weightGrad, biasGrad);
    }

    @Override
    public INDArray inputGradient(INDArray gradOutput) {
        return passes.inputGradient(gradOutput, weights);
    }
}
