package org.singanseg.studio.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.Planes;

class ColourHistogramsTest {

    /** 3x2 RGB: red holds the edge cases, green one value, blue exact 8-bit levels. */
    private static final Planes IMAGE = new Planes(3, 2, 3, new float[][]{
            {0f, 1f, 0.5f, 0.5f, -0.1f, 1.2f},
            {0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.2f},
            {10 / 255f, 20 / 255f, 30 / 255f, 40 / 255f, 50 / 255f, 60 / 255f}});

    @Test
    void countsEachPixelInItsEightBitBin() {
        ColourHistograms h = ColourHistograms.of(IMAGE);
        assertEquals(6, h.pixels());
        // 1.0 and the clamped 1.2 go to 255, 0.5 to round(127.5) = 128, 0 and the clamped -0.1 to 0.
        assertEquals(expected(0, 2, 128, 2, 255, 2), Arrays.toString(h.counts()[0]));
        assertEquals(expected(51, 6), Arrays.toString(h.counts()[1]));
        assertEquals(expected(10, 1, 20, 1, 30, 1, 40, 1, 50, 1, 60, 1), Arrays.toString(h.counts()[2]));
        assertEquals(2, h.count(0, 128));
        assertEquals(2 / 6.0, h.fraction(0, 255));
        for (double[] channel : h.fractions()) {
            assertEquals(1.0, Arrays.stream(channel).sum(), 1e-12);
        }
    }

    @Test
    void maskRestrictsToInsidePixels() {
        ColourHistograms h = ColourHistograms.of(IMAGE, new boolean[]{true, false, true, false, false, true});
        assertEquals(3, h.pixels());
        assertEquals(expected(0, 1, 128, 1, 255, 1), Arrays.toString(h.counts()[0]));
        assertEquals(expected(10, 1, 30, 1, 60, 1), Arrays.toString(h.counts()[2]));
        assertEquals(1 / 3.0, h.fraction(2, 60));
    }

    @Test
    void everyEightBitValueMapsToItsOwnBin() {
        Planes ramp = Planes.zeros(1, 1, 256);
        for (int v = 0; v < 256; v++) {
            ramp.plane(0)[v] = v / 255f;
        }
        ColourHistograms h = ColourHistograms.of(ramp);
        for (int v = 0; v < 256; v++) {
            assertEquals(1, h.count(0, v), "value " + v);
        }
    }

    @Test
    void coarseBinsSumTheFractions() {
        double[] coarse = ColourHistograms.of(IMAGE).coarse(0, 64);
        assertEquals(64, coarse.length);
        assertEquals(2 / 6.0, coarse[0]);
        assertEquals(2 / 6.0, coarse[32]);
        assertEquals(2 / 6.0, coarse[63]);
        assertEquals(1.0, Arrays.stream(coarse).sum(), 1e-12);
        assertEquals(1.0, Arrays.stream(ColourHistograms.of(IMAGE).coarse(2, 10)).sum(), 1e-12);
    }

    /** A 256-bin histogram as text, zero but at the given (bin, count) pairs. */
    private static String expected(int... binCounts) {
        long[] counts = new long[ColourHistograms.BINS];
        for (int i = 0; i < binCounts.length; i += 2) {
            counts[binCounts[i]] = binCounts[i + 1];
        }
        return Arrays.toString(counts);
    }
}
