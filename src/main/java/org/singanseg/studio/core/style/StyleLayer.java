package org.singanseg.studio.core.style;

/** A layer whose Gram matrix the style loss matches, and its weight in the sum. */
public record StyleLayer(String name, double weight) {
}
