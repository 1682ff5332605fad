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
     * Gives the layer its parameter arrays and the arrays its backward pass writes the parameter
     * gradients of one pass into (views into the owning network's flat arrays), in the order of
     * {@link #parameterShapes}.
     */
    void bind(List<INDArray> parameters, List<INDArray> passGradients);

    /** Draws initial parameter values (after {@link #bind}). */
    void initialise(Random random);

    INDArray forward(INDArray input);

    /**
     * Writes dLoss/dParameters of this pass into the bound gradient arrays (overwriting them).
     *
     * @param gradOutput dLoss/dOutput for the last forward
     * @return dLoss/dInput
     */
    INDArray backward(INDArray gradOutput);

    /**
     * dLoss/dInput for the last forward, for passes whose parameter gradients are not wanted; may
     * leave the bound gradient arrays as they were. By default the full {@link #backward}.
     */
    default INDArray inputGradient(INDArray gradOutput) {
        return backward(gradOutput);
    }

    /**
     * Writes dLoss/dParameters of this pass into the bound gradient arrays, as {@link #backward}
     * does, for passes whose input gradient nobody reads (a net's first layer); may skip it. By
     * default the full {@link #backward}.
     */
    default void parameterGradients(INDArray gradOutput) {
        backward(gradOutput);
    }
}
