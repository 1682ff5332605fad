package org.singanseg.studio.core.seg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.ParameterFreeLayer;
import org.singanseg.studio.core.nn.compute.Buffer;
import org.singanseg.studio.core.nn.compute.NativeOp;
import org.singanseg.studio.core.nn.compute.Ops;

/**
 * Nearest-neighbour 2x upsampling, the U-Net's way up: every pixel becomes a 2x2 block, so
 * [B, H, W, C] becomes [B, 2H, 2W, C]; the backward pass sums the gradient over each block.
 * Nearest rather than bilinear: the convolutions after it smooth anyway, and both passes are
 * single libnd4j ops.
 */
final class Upsample2x extends ParameterFreeLayer {
    private final NativeOp forwardOp = Ops.upsample2x(false);
    private final NativeOp backwardOp = Ops.upsample2x(true);
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private INDArray input;

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        INDArray out = output.get(x.dataType(), x.size(0), 2 * x.size(1), 2 * x.size(2), x.size(3));
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
