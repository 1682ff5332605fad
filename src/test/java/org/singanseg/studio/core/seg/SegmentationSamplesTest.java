package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;

/** Batch assembly: channels-last layout, flips of image and mask together, binary resized masks. */
class SegmentationSamplesTest {

    @Test
    void copiesChannelsLastAndFlipsImageAndMaskTogether() {
        // 2x2 image: red = pixel index, green = 10 + index, blue = 20 + index; mask marks pixel 1.
        Planes rgb = new Planes(3, 2, 2, new float[][]{{0, 1, 2, 3}, {10, 11, 12, 13}, {20, 21, 22, 23}});
        TrainingPair pair = new TrainingPair(rgb, new boolean[]{false, true, false, false}, "tiny");
        SegmentationSamples samples = new SegmentationSamples(List.of(pair), 2);
        float[] images = new float[2 * samples.imageLength()];
        float[] masks = new float[2 * 4];
        samples.copy(0, 0, false, false, images, masks);
        samples.copy(0, 1, true, true, images, masks);
        assertArrayEquals(new float[]{
                0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23,
                // Both flips turn the image half a turn: pixel order 3, 2, 1, 0.
                3, 13, 23, 2, 12, 22, 1, 11, 21, 0, 10, 20}, images);
        assertArrayEquals(new float[]{0, 1, 0, 0, 0, 0, 1, 0}, masks);

        samples.copy(0, 0, true, false, images, masks);
        assertArrayEquals(new float[]{0, 0, 0, 1}, java.util.Arrays.copyOf(masks, 4), "top to bottom");
        samples.copy(0, 0, false, true, images, masks);
        assertArrayEquals(new float[]{1, 0, 0, 0}, java.util.Arrays.copyOf(masks, 4), "left to right");
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
        samples.copy(0, 0, false, false, images, masks);
        // The top-left quarter stays the top-left quarter, with nothing between 0 and 1.
        assertArrayEquals(new float[]{
                1, 1, 0, 0,
                1, 1, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0}, masks);
    }
}
