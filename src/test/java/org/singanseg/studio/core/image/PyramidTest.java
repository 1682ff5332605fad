package org.singanseg.studio.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SinGAN's adjust_scales2image / creat_reals_pyramid worked by hand for two frame sizes. */
class PyramidTest {

    @Test
    void frameOf720x576AtPaperSettings() {
        // num_scales = ceil(log(25/576)/log .75) + 1 = 12; scale2stop = ceil(log(250/720)/log .75) = 4;
        // stop_scale = 8; finest 200x250; factor (25/200)^(1/8) = 0.7711.
        Pyramid p = Pyramid.plan(576, 720, 250, 25, 0.75);
        assertEquals(9, p.scales());
        assertEquals(Math.pow(0.125, 1 / 8.0), p.scaleFactor(), 1e-12);
        assertEquals(200, p.finestHeight());
        assertEquals(250, p.finestWidth());
        assertEquals(25, p.heights()[0]);
        assertEquals(32, p.widths()[0]); // ceil(31.25)
        for (int k = 1; k < p.scales(); k++) {
            assertEquals((int) Math.ceil(200 * Math.pow(p.scaleFactor(), 8 - k) - 1e-9), p.heights()[k]);
        }
    }

    @Test
    void maxSizeTooSmallForTheAspectRatioIsRefused() {
        // 1920x1080 at max size 40 would be 40x23: under the min size, the factor would exceed 1.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Pyramid.plan(1080, 1920, 40, 25, 0.75));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at least 45 px"), e.getMessage());
        assertEquals(25, Pyramid.plan(1080, 1920, 45, 25, 0.75).heights()[0]);
    }

    @Test
    void levelsComeFromTheFinestScaleByPowersOfTheFactor() {
        // creat_reals_pyramid: finest = imresize(image, scale1), level i = imresize(finest, factor^(stop - i)).
        Planes image = Planes.zeros(1, 90, 120);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                image.set(0, y, x, (float) Math.sin(0.05 * x * y + 0.3 * y));
            }
        }
        Pyramid p = Pyramid.plan(90, 120, 100, 25, 0.75);
        assertEquals(100.0 / 120, p.firstScale(), 1e-15);
        java.util.List<Planes> levels = p.build(image);
        Planes finest = Resize.byFactor(image, p.firstScale(), p.finestHeight(), p.finestWidth());
        int last = p.scales() - 1;
        assertArrayEquals(finest.plane(0), levels.get(last).plane(0), 0f);
        for (int i = 0; i < last; i++) {
            Planes expected = Resize.byFactor(finest, Math.pow(p.scaleFactor(), last - i), p.heights()[i], p.widths()[i]);
            assertArrayEquals(expected.plane(0), levels.get(i).plane(0), 0f, "level " + i);
        }
        Planes direct = Resize.bicubic(image, p.heights()[0], p.widths()[0]);
        assertTrue(maxDifference(direct, levels.get(0)) > 1e-3, "differs from resizing the image straight to the size");
    }

    private static double maxDifference(Planes a, Planes b) {
        double worst = 0;
        for (int i = 0; i < a.plane(0).length; i++) {
            worst = Math.max(worst, Math.abs(a.plane(0)[i] - b.plane(0)[i]));
        }
        return worst;
    }

    @Test
    void smallImageIsNotEnlarged() {
        Pyramid p = Pyramid.plan(60, 80, 250, 25, 0.75);
        // num_scales = ceil(log(25/60)/log .75) + 1 = 5; scale2stop = 0; stop_scale = 5, so 6 scales;
        // factor (25/60)^(1/5) = 0.8394; heights ceil(60 f^k).
        assertEquals(6, p.scales());
        assertArrayEquals(new int[]{25, 30, 36, 43, 51, 60}, p.heights());
        assertEquals(80, p.finestWidth());
    }
}
