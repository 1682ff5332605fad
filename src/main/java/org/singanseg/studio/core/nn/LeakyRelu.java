package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

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
    private final Buffer slopes = new Buffer();
    private boolean frozen;

    public LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public List<long[]> parameterShapes() {
        return List.of();
    }

    @Override
    public void bind(List<INDArray> parameters, List<INDArray> passGradients) {
    }

    @Override
    public void initialise(Random random) {
    }

    /** Keeps the slopes of the last forward's input until {@link #unfreeze}. */
    void freeze() {
        frozen = true;
    }

    void unfreeze() {
        frozen = false;
    }

    /**
     * out = x * slope(x). libnd4j's own lrelu op branches per element and ran 25x slower here
     * than its derivative op followed by a multiply.
     */
    @Override
    public INDArray forward(INDArray x) {
        input = x;
        INDArray s = slopes.like(x);
        if (!frozen) {
            Nd4j.exec(new LeakyReLUDerivative(x, s, alpha));
        }
        INDArray out = output.like(x);
        Nd4j.exec(new MulOp(x, s, out));
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gIn = gradInput.like(input);
        Nd4j.exec(new MulOp(gradOutput, slopes.like(input), gIn));
        return gIn;
    }
}
