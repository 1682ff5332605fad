package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** tanh, the generator's output activation. */
public final class TanhActivation implements Layer {
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private final NativeOp backwardOp = Ops.tanhBackward();
    private INDArray input;

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
