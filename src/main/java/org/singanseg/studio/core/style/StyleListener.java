package org.singanseg.studio.core.style;

/** Progress of one style transfer, told on the engine thread after every step; it must return quickly. */
@FunctionalInterface
public interface StyleListener {
    StyleListener NONE = (step, steps, losses) -> { };

    /**
     * @param step   1-based
     * @param losses the loss terms after the step; NaN for a method without losses
     */
    void step(int step, int steps, StyleLosses losses);
}
