package org.singanseg.studio.core.nn;

/**
 * A layer whose output is piecewise linear in its input, with a pattern of slopes that can be
 * frozen: while frozen the layer is linear, which is what autograd's double backprop assumes (the
 * second derivative of a leaky ReLU is zero almost everywhere), and finite differences no longer
 * jump across kinks. The WGAN gradient penalty (core.gan) relies on it.
 */
interface PiecewiseLinear {
    /**
     * Keeps the slopes of the first image of the last forward's input until {@link #unfreeze}:
     * later forwards give them to each of their images from {@code fromImage} on, while the images
     * before it get their own (so that other inputs can share the pass).
     */
    void freeze(int fromImage);

    void unfreeze();
}
