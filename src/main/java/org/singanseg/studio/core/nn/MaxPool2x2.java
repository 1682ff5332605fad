package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.compute.Buffer;
import org.singanseg.studio.core.nn.compute.NativeOp;
import org.singanseg.studio.core.nn.compute.Ops;

/**
 * 2x2 max pooling with stride 2, the U-Net's way down: [B, H, W, C] to [B, H / 2, W / 2, C],
 * rounding down, so an odd last row or column is dropped (and gets no gradient). The backward
 * pass routes each window's gradient to its maximum, to the first in row-major order on ties.
 * libnd4j's pooling ops (oneDNN where available) do both; they run channels-last natively.
 */
public final class MaxPool2x2 extends ParameterFreeLayer {
    private final NativeOp forwardOp = Ops.maxPool2x2(false);
    private final NativeOp backwardOp = Ops.maxPool2x2(true);
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private INDArray input;

    @Override
    public INDArray forward(INDArray x) {
        if (x.size(1) < 2 || x.size(2) < 2) {
            throw new IllegalArgumentException("Max pooling needs at least 2x2 pixels, got "
                    + x.size(2) + "x" + x.size(1));
        }
        input = x;
        INDArray out = output.get(x.dataType(), x.size(0), x.size(1) / 2, x.size(2) / 2, x.size(3));
        forwardOp.run(x, out);
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gIn = gradInput.like(input);
        backwardOp.run(input, gradOutput, gIn);
        return gIn;
    }
}
