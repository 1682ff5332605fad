package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * max(x, alpha * x); SinGAN uses alpha 0.2.
 *
 * <p>The slope pattern (1 where the input was positive, alpha elsewhere) can be frozen at the last
 * input: the layer is then linear, which is what autograd's double backprop assumes (the second
 * derivative of a leaky ReLU is zero almost everywhere), and finite differences no longer jump
 * across kinks. See {@link GradientPenalty}.
 */
public final class LeakyRelu implements Layer {
    private final double alpha;
    private INDArray input;
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private final Buffer frozenSlopes = new Buffer();
    private boolean frozen;

    public LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public List<long[]> parameterShapes() {
        return List.of();
    }

    @Override
    public void bind(List<INDArray> parameters, List<INDArray> gradients) {
    }

    @Override
    public void initialise(Random random) {
    }

    /** Keeps the slopes of the last forward's input until {@link #unfreeze}. */
    void freeze() {
        INDArray slopes = frozenSlopes.like(input);
        slopes.assign(input.gt(0).castTo(input.dataType())).muli(1 - alpha).addi(alpha);
        frozen = true;
    }

    void unfreeze() {
        frozen = false;
    }

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        INDArray out = output.like(x);
        if (frozen) {
            out.assign(x).muli(frozenSlopes.like(x));
        } else {
            Ops.leakyRelu(x, out, alpha);
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
        INDArray gIn = gradInput.like(input);
        if (frozen) {
            gIn.assign(gradOutput).muli(frozenSlopes.like(input));
        } else {
            Ops.leakyReluBackward(input, gradOutput, gIn, alpha);
        }
        return gIn;
    }
}
