package org.singanseg.studio.core.samples;

import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.style.StyleMethod;

/**
 * Carries the real image's look onto synthetic pairs with one style method. The mask is never
 * changed: a styled pair has its source's mask, and is stored as a pair of its own beside the
 * unstyled one, its record naming the method and settings.
 */
public final class SampleStyler {
    private final StyleMethod method;
    private final Planes real;

    /** @param real the real image (RGB in [0, 1]) whose look is carried over */
    public SampleStyler(StyleMethod method, Planes real) {
        this.method = method;
        this.real = real;
    }

    public SamplePair style(SamplePair pair, BooleanSupplier cancelled) {
        return new SamplePair(method.apply(pair.rgb(), real, (step, steps, losses) -> { }, cancelled), pair.mask());
    }

    /** What the records of styled pairs say about their style. */
    public String describe() {
        return method.describe();
    }
}
