package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.Planes;

/** Reinhard colour transfer in Lab, and the Lab conversion it relies on. */
class ColourMatchTest {

    /** A hand-made pair: a greyish gradient takes on a reddish image's Lab means and deviations. */
    @Test
    void matchesMeanAndDeviationPerLabChannel() {
        Planes content = Planes.zeros(3, 4, 8);
        Planes real = Planes.zeros(3, 4, 8);
        for (int i = 0; i < 32; i++) {
            float t = i / 31f;
            content.plane(0)[i] = 0.40f + 0.2f * t;
            content.plane(1)[i] = 0.45f + 0.1f * (1 - t);
            content.plane(2)[i] = 0.50f + 0.05f * (i % 3);
            real.plane(0)[i] = 0.70f + 0.1f * ((i * 7) % 5) / 4f;
            real.plane(1)[i] = 0.35f + 0.1f * t;
            real.plane(2)[i] = 0.30f + 0.05f * (i % 2);
        }
        Planes styled = new ColourMatch().apply(content, real, StyleListener.NONE, () -> false);

        double[][] got = Lab.fromRgb(styled);
        double[][] want = Lab.fromRgb(real);
        for (int c = 0; c < 3; c++) {
            // 8-bit-free float output: equal up to float rounding through the conversions.
            assertArrayEquals(ColourMatch.meanAndDeviation(want[c]), ColourMatch.meanAndDeviation(got[c]), 1e-3,
                    "Lab channel " + c);
        }
    }

    @Test
    void labRoundTripAndKnownValues() {
        Planes rgb = Planes.zeros(3, 1, 3);
        rgb.set(0, 0, 0, 1); // red
        rgb.set(0, 0, 1, 1); // white
        rgb.set(1, 0, 1, 1);
        rgb.set(2, 0, 1, 1);
        double[][] lab = Lab.fromRgb(rgb);
        assertEquals(53.24, lab[0][0], 0.01);
        assertEquals(80.09, lab[1][0], 0.01);
        assertEquals(67.20, lab[2][0], 0.01);
        assertEquals(100, lab[0][1], 1e-3);
        assertEquals(0, lab[1][1], 1e-3);
        assertEquals(0, lab[0][2], 1e-9); // black
        Planes back = Lab.toRgb(lab, 1, 3);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(rgb.plane(c), back.plane(c), 1e-5f);
        }
    }
}
