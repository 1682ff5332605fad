package org.singanseg.studio.core.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Layers applied in order, as one layer: a block of a larger network, or a {@link Sequential}'s body. */
public final class Chain extends CompositeLayer {

    public Chain(List<? extends Layer> layers) {
        super(layers);
    }

    @Override
    public INDArray forward(INDArray input) {
        INDArray x = input;
        for (Layer layer : parts()) {
            x = layer.forward(x);
        }
        return x;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = parts().size() - 1; i >= 0; i--) {
            g = parts().get(i).backward(g);
        }
        return g;
    }

    @Override
    public void parameterGradients(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = parts().size() - 1; i > 0; i--) {
            g = parts().get(i).backward(g);
        }
        parts().get(0).parameterGradients(g);
    }

    @Override
    public INDArray inputGradient(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = parts().size() - 1; i >= 0; i--) {
            g = parts().get(i).inputGradient(g);
        }
        return g;
    }
}
