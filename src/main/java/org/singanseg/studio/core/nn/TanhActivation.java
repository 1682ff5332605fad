package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;

/** tanh, the generator's output activation; its derivative 1 - y^2 comes from the kept output. */
public final class TanhActivation implements Layer {
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private INDArray lastOutput;

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

    @Override
    public INDArray forward(INDArray x) {
        lastOutput = output.like(x);
        Nd4j.exec(new Tanh(x, lastOutput));
        return lastOutput;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
        INDArray gIn = gradInput.like(lastOutput);
        gIn.assign(lastOutput).muli(lastOutput).rsubi(1.0).muli(gradOutput);
        return gIn;
    }
}
