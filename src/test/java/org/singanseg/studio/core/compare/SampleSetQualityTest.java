package org.singanseg.studio.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.Planes;

class SampleSetQualityTest {
    private static final int SIZE = 64;

    @Test
    void copiesOfTheRealImageAreAtDistanceZeroWithNoDiversity() {
        Planes real = uniformNoise(new Random(1));
        List<Planes> samples = List.of(real, real, real, real);
        SampleSetQuality quality = SampleSetQuality.of(real, samples, masks(0.5, 0.5, 0.5, 0.5));
        assertEquals(0.0, quality.patchDistanceMean());
        assertEquals(0.0, quality.patchDistanceSd());
        assertEquals(0.0, quality.diversity());
    }

    @Test
    void independentImagesLikeTheRealOneHaveDiversityNearOne() {
        Random random = new Random(2);
        Planes real = uniformNoise(random);
        List<Planes> samples = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            samples.add(uniformNoise(random));
        }
        double[] coverages = new double[16];
        Arrays.fill(coverages, 0.3);
        SampleSetQuality quality = SampleSetQuality.of(real, samples, masks(coverages));
        // The mean of a sample standard deviation over 16 draws is about 0.98 of the true one.
        assertEquals(0.98, quality.diversity(), 0.02);
        assertTrue(quality.patchDistanceMean() > 0 && quality.patchDistanceSd() > 0, quality.describe());
    }

    @Test
    void countsEmptyAndNearlyEmptyMasks() {
        Planes real = uniformNoise(new Random(3));
        List<Planes> samples = List.of(real, real, real, real);
        SampleSetQuality quality = SampleSetQuality.of(real, samples, masks(0, 0.005, 0.02, 0.5));
        assertEquals(1, quality.emptyMasks());
        assertEquals(2, quality.nearlyEmptyMasks());
        assertEquals(4, quality.samples());
    }

    @Test
    void refusesASingleSample() {
        Planes real = uniformNoise(new Random(4));
        assertThrows(IllegalArgumentException.class, () -> SampleSetQuality.of(real, List.of(real), masks(0.5)));
    }

    private static Planes uniformNoise(Random random) {
        Planes image = Planes.zeros(3, SIZE, SIZE);
        for (float[] plane : image.data()) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = random.nextFloat();
            }
        }
        return image;
    }

    /** Masks whose first pixels, this share of the image, are set. */
    private static List<boolean[]> masks(double... coverages) {
        List<boolean[]> masks = new ArrayList<>();
        for (double coverage : coverages) {
            boolean[] mask = new boolean[SIZE * SIZE];
            Arrays.fill(mask, 0, (int) Math.round(coverage * mask.length), true);
            masks.add(mask);
        }
        return masks;
    }
}
