package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One differentiable layer with hand-written backward pass.
 *
 * <p>{@link #forward} keeps what {@link #backward} needs, so each forward must be followed by at
 * most one backward before the next forward. Returned arrays are buffers owned by the layer and are
 * overwritten by the next call: copy them if they must outlive it.
 */
public interface Layer {

    /** Shapes of this layer's parameters, in the order {@link #bind} receives them. */
    List<long[]> parameterShapes();

    /**
     * Gives the layer its parameter and gradient arrays (views into the owning network's flat
     * arrays), in the order of {@link #parameterShapes}.
     */
    void bind(List<INDArray> parameters, List<INDArray> gradients);

    /** Draws initial parameter values (after {@link #bind}). */
    void initialise(Random random);

    INDArray forward(INDArray input);

    /**
     * @param gradOutput           dLoss/dOutput for the last forward
     * @param accumulateParamGrads whether to add dLoss/dParameters into the gradient arrays
     * @return dLoss/dInput
     */
    INDArray backward(INDArray gradOutput, boolean accumulateParamGrads);
}
