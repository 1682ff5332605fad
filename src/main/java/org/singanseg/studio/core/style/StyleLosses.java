package org.singanseg.studio.core.style;

/**
 * The two terms of style transfer's loss, each already multiplied by its weight.
 *
 * @param content contentWeight * mean squared difference of the content layer's activations
 * @param style   styleWeight * sum over style layers of layer weight * mean squared Gram difference
 */
public record StyleLosses(double content, double style) {
    public double total() {
        return content + style;
    }
}
