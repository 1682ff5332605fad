package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * max(x, alpha * x) computed as x * slope(x); SinGAN uses alpha 0.2. libnd4j's own lrelu op
 * branches per element and ran far slower here than its derivative op followed by a multiply.
 *
 * <p>The slope pattern (1 where the input was positive, alpha elsewhere) can be frozen at the last
 * input ({@link PiecewiseLinear}). SinGAN's blocks use the leaky ReLU fused into their batch norm
 * instead ({@link BatchNorm#withLeakyRelu}).
 */
public final class LeakyRelu extends ParameterFreeLayer implements PiecewiseLinear {
    private final double alpha;
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private final Buffer slopes = new Buffer();
    private final Buffer frozenSlopes = new Buffer();
    private final Buffer repeatedSlopes = new Buffer();
    private INDArray input;
    private INDArray inputSlopes;
    private INDArray frozen;
    private int frozenFrom;

    public LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public void freeze(int fromImage) {
        frozen = frozenSlopes.like(inputSlopes).assign(inputSlopes);
        frozenFrom = fromImage;
    }

    @Override
    public void unfreeze() {
        frozen = null;
    }

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        inputSlopes = slopesFor(x);
        INDArray out = output.like(x);
        Nd4j.exec(new MulOp(x, inputSlopes, out));
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gIn = gradInput.like(input);
        Nd4j.exec(new MulOp(gradOutput, inputSlopes, gIn));
        return gIn;
    }

    /** The slopes for x: its own, with those of the frozen images replaced. */
    private INDArray slopesFor(INDArray x) {
        INDArray s = (frozen == null ? slopes : repeatedSlopes).like(x);
        Nd4j.exec(new LeakyReLUDerivative(x, s, alpha));
        if (frozen != null) {
            for (long b = frozenFrom; b < x.size(0); b++) {
                s.get(NDArrayIndex.point(b)).assign(frozen.get(NDArrayIndex.point(0)));
            }
        }
        return s;
    }
}
