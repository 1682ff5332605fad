package org.singanseg.studio.core.style;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.Planes;

/**
 * A way to give a synthetic (content) image the look of a real (style) image. Implementations
 * are named for what they are, so that a user always knows which one ran: {@link NeuralStyle}
 * needs the VGG19 weights, {@link ColourMatch} needs nothing and only moves colours. Only the
 * image changes; a mask that goes with it stays as it is. Engine-thread work: not thread-safe.
 */
public interface StyleMethod {

    /** A short name for menus and messages. */
    String name();

    /** The method and its settings in one line, for manifests and sample records. */
    String describe();

    /**
     * @param content the synthetic image, RGB in [0, 1]
     * @param style   the real image, RGB in [0, 1], any size
     * @return the styled image, the content's size, RGB in [0, 1]
     * @throws CancellationException when cancelled
     */
    Planes apply(Planes content, Planes style, StyleListener listener, BooleanSupplier cancelled);
}
