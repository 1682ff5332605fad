package org.singanseg.studio.core.nn;

/**
 * A layer whose output is piecewise linear in its input, with a pattern of slopes that can be
 * frozen: while frozen the layer is linear, which is what autograd's double backprop assumes (the
 * second derivative of a leaky ReLU is zero almost everywhere), and finite differences no longer
 * jump across kinks. See {@link GradientPenalty}.
 */
interface PiecewiseLinear {
    /**
     * Keeps the slopes of the last forward's input (one image) until {@link #unfreeze}; frozen
     * forwards may take a batch of several images, which all get these slopes.
     */
    void freeze();

    void unfreeze();
}
