package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer without parameters: activations, pooling, resampling. */
public abstract class ParameterFreeLayer implements Layer {

    @Override
    public final List<long[]> parameterShapes() {
        return List.of();
    }

    @Override
    public final void bind(List<INDArray> parameters, List<INDArray> passGradients) {
    }

    @Override
    public final void initialise(Random random) {
    }
}
