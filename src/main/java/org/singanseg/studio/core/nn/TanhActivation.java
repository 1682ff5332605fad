package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.compute.Buffer;
import org.singanseg.studio.core.nn.compute.NativeOp;
import org.singanseg.studio.core.nn.compute.Ops;

/** tanh, the generator's output activation. */
public final class TanhActivation extends ParameterFreeLayer {
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private final NativeOp backwardOp = Ops.tanhBackward();
    private INDArray input;

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        INDArray out = output.like(x);
        Nd4j.exec(new Tanh(x, out));
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gIn = gradInput.like(input);
        backwardOp.run(input, gradOutput, gIn);
        return gIn;
    }
}
