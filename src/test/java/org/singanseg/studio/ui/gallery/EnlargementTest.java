package org.singanseg.studio.ui.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How much a small sample is enlarged, and what the user is told of it. */
class EnlargementTest {

    @Test
    void aQuickSampleIsEnlargedByAWholeFactorAndSaysSoWithTheLargerPresets() {
        assertEquals(4, Enlargement.factor(96, 77, 300));
        assertEquals(8, Enlargement.factor(96, 77, 720), "7.5 rounds up");
        assertEquals(1, Enlargement.factor(720, 576, 300));
        assertEquals("96 × 77 px, shown enlarged 4×. The Sharp, Standard and Paper presets make larger samples (160 and 250 px).",
                Enlargement.note(96, 77, 4));
        assertEquals("200 × 160 px, shown enlarged 2×. The Sharp and Paper presets make larger samples (250 px).",
                Enlargement.note(200, 160, 2));
        assertEquals("", Enlargement.note(720, 576, 1));
    }

    @Test
    void theMaskIsEnlargedSmoothlyAndStaysBinary() {
        // A 2 x 2 sample, the top left pixel inside the mask: enlarged 4 times, its 4 x 4 quarter stays
        // inside but for the corner that points into the sample, cut off as a smooth edge would be.
        MaskedImages.MaskedPixels small = new MaskedImages.MaskedPixels(2, 2,
                new int[]{0xff000000, 0x00ffffff, 0x00ffffff, 0x00ffffff});
        MaskedImages.MaskedPixels large = MaskedImages.enlarged(small, 4);
        assertEquals(8, large.width());
        int inside = 0;
        for (int argb : large.argb()) {
            int alpha = argb >>> 24;
            assertEquals(true, alpha == 0 || alpha == 0xff, "binary mask");
            inside += alpha == 0xff ? 1 : 0;
        }
        assertEquals(4 * 4 - 1, inside);
        assertEquals(0xff000000, large.argb()[0], "the inside pixel's colour where nothing else mixes in");
    }
}
