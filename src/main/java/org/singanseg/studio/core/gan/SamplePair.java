package org.singanseg.studio.core.gan;

import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.Planes;

/** A generated image (RGB in [0, 1]) and its binary mask, as plain data. */
public record SamplePair(Planes rgb, boolean[] mask) {

    /** From a generated 4-channel output in [-1, 1]. */
    public static SamplePair fromOutput(Planes fourChannels) {
        Planes unit = FourChannel.toUnit(fourChannels);
        Planes rgb = new Planes(3, unit.height(), unit.width(), java.util.Arrays.copyOf(unit.data(), 3));
        return new SamplePair(rgb, FourChannel.mask(fourChannels));
    }

    public double maskCoverage() {
        return Masks.coverage(mask);
    }
}
