package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;

/** Batch assembly: channels-last layout, geometry of image and mask together, colours of the image only. */
class SegmentationSamplesTest {
    private static final float[] NO_GAIN = {1, 1, 1};

    /** 2x2 image: red = index / 100, green = (10 + index) / 100, blue = (20 + index) / 100; mask marks pixel 1. */
    private static SegmentationSamples tiny() {
        Planes rgb = new Planes(3, 2, 2, new float[][]{{0, .01f, .02f, .03f}, {.10f, .11f, .12f, .13f},
                {.20f, .21f, .22f, .23f}});
        return new SegmentationSamples(List.of(new TrainingPair(rgb, new boolean[]{false, true, false, false},
                "tiny")), 2);
    }

    private static Augmentation symmetry(int symmetry) {
        return new Augmentation(symmetry, 1, 0, 0, 0, 1, NO_GAIN);
    }

    @Test
    void copiesChannelsLastAndMovesImageAndMaskTogether() {
        SegmentationSamples samples = tiny();
        float[] images = new float[2 * samples.imageLength()];
        float[] masks = new float[2 * 4];
        samples.copy(0, 0, Augmentation.NONE, images, masks);
        samples.copy(0, 1, symmetry(3), images, masks);
        assertArrayEquals(new float[]{
                0, .10f, .20f, .01f, .11f, .21f, .02f, .12f, .22f, .03f, .13f, .23f,
                // Both flips turn the image half a turn: pixel order 3, 2, 1, 0.
                .03f, .13f, .23f, .02f, .12f, .22f, .01f, .11f, .21f, 0, .10f, .20f}, images, 1e-6f);
        assertArrayEquals(new float[]{0, 1, 0, 0, 0, 0, 1, 0}, masks);

        samples.copy(0, 0, symmetry(2), images, masks);
        assertArrayEquals(new float[]{0, 0, 0, 1}, Arrays.copyOf(masks, 4), "top to bottom");
        samples.copy(0, 0, symmetry(1), images, masks);
        assertArrayEquals(new float[]{1, 0, 0, 0}, Arrays.copyOf(masks, 4), "left to right");
        samples.copy(0, 0, symmetry(4), images, masks);
        assertArrayEquals(new float[]{0, 0, 1, 0}, Arrays.copyOf(masks, 4), "rows and columns swapped");
        assertArrayEquals(new float[]{.02f, .12f, .22f}, Arrays.copyOfRange(images, 3, 6), 1e-6f,
                "pixel 2 moves to 1's place");
    }

    @Test
    void everySymmetryKeepsTheImageAndMaskAligned() {
        SegmentationSamples samples = tiny();
        for (int symmetry = 0; symmetry < 8; symmetry++) {
            float[] images = new float[samples.imageLength()];
            float[] masks = new float[4];
            samples.copy(0, 0, symmetry(symmetry), images, masks);
            for (int p = 0; p < 4; p++) {
                // The marked pixel is the one whose red value is 0.01, wherever it lands.
                assertEquals(Math.abs(images[3 * p] - .01f) < 1e-6 ? 1f : 0f, masks[p], "symmetry " + symmetry);
            }
        }
    }

    @Test
    void colourJitterChangesTheImageOnlyAndStaysInRange() {
        SegmentationSamples samples = tiny();
        float[] images = new float[samples.imageLength()];
        float[] masks = new float[4];
        // Brightness +0.5, contrast 2 around the mean grey, blue gain 10: values leave [0, 1] and are clipped.
        samples.copy(0, 0, new Augmentation(0, 1, 0, 0, .5f, 2, new float[]{1, 1, 10}), images, masks);
        assertArrayEquals(new float[]{0, 1, 0, 0}, masks);
        float mean = (0 + .01f + .02f + .03f + .10f + .11f + .12f + .13f + .20f + .21f + .22f + .23f) / 12;
        assertEquals(Math.min(1, ((.10f - mean) * 2 + mean) + .5f), images[1], 1e-6f, "green of pixel 0");
        assertEquals(1f, images[2], 1e-6f, "blue of pixel 0, clipped at 1");
        assertEquals(.5f - mean, images[0], 1e-6f, "red of pixel 0: darker by the contrast, lighter by the brightness");
        for (float v : images) {
            assertTrue(v >= 0 && v <= 1, "in [0, 1]: " + v);
        }
    }

    @Test
    void zoomEnlargesTheCropsContent() {
        // 8x8 mask with a 2x2 square at rows/columns 2-3; a half-size crop of the top-left quarter doubles it.
        boolean[] mask = new boolean[64];
        for (int y = 2; y < 4; y++) {
            for (int x = 2; x < 4; x++) {
                mask[y * 8 + x] = true;
            }
        }
        SegmentationSamples samples = new SegmentationSamples(List.of(new TrainingPair(Planes.zeros(3, 8, 8), mask,
                "square")), 8);
        float[] images = new float[samples.imageLength()];
        float[] masks = new float[64];
        samples.copy(0, 0, new Augmentation(0, 0.5, 0, 0, 0, 1, NO_GAIN), images, masks);
        int marked = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                boolean inside = y >= 4 && y < 8 && x >= 4 && x < 8;
                assertEquals(inside ? 1f : 0f, masks[y * 8 + x], "pixel " + y + "," + x);
                marked += (int) masks[y * 8 + x];
            }
        }
        assertEquals(16, marked);
    }

    @Test
    void resizedMasksStayBinary() {
        Planes rgb = Planes.zeros(3, 8, 8);
        boolean[] mask = new boolean[64];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                mask[y * 8 + x] = true;
            }
        }
        SegmentationSamples samples = new SegmentationSamples(List.of(new TrainingPair(rgb, mask, "quarter")), 4);
        float[] images = new float[samples.imageLength()];
        float[] masks = new float[16];
        samples.copy(0, 0, Augmentation.NONE, images, masks);
        // The top-left quarter stays the top-left quarter, with nothing between 0 and 1.
        assertArrayEquals(new float[]{
                1, 1, 0, 0,
                1, 1, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0}, masks);
    }
}
