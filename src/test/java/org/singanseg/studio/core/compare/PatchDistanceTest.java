package org.singanseg.studio.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.testing.TestData;

class PatchDistanceTest {
    private static Planes real;
    private static PatchDistance distance;

    @BeforeAll
    static void load() throws Exception {
        real = width250(TestData.smallImage());
        distance = new PatchDistance(real);
    }

    @Test
    void identicalImageScoresExactlyZero() {
        assertEquals(4, distance.levels());
        assertEquals(0.0, distance.to(real));
        assertArrayEquals(new double[distance.levels()], distance.perLevel(copy(real)));
    }

    @Test
    void growsWithNoise() {
        double previous = 0;
        StringBuilder report = new StringBuilder("PatchDistance with noise:");
        for (double sigma : new double[]{0.02, 0.05, 0.1, 0.2}) {
            double value = distance.to(noisy(real, sigma));
            report.append(String.format(Locale.ROOT, " sigma %.2f: %.1f", sigma, value));
            assertTrue(value > previous, report.toString());
            previous = value;
        }
        System.out.println(report);
    }

    @Test
    void anotherRealImageScoresAboveALightlyNoisedCopy() throws Exception {
        Assumptions.assumeFalse(TestData.largeImage().equals(TestData.smallImage()), "needs two real images");
        double other = distance.to(width250(TestData.largeImage()));
        double noised = distance.to(noisy(real, 0.02));
        System.out.printf(Locale.ROOT, "PatchDistance: another frame %.1f, sigma 0.02 %.1f%n", other, noised);
        assertTrue(other > noised, other + " vs " + noised);
    }

    @Test
    void scoresAnImageOfAnotherSizeDeterministically() throws Exception {
        Planes wider = Resize.bicubic(real, real.height(), real.width() * 3 / 2);
        double[] first = distance.perLevel(wider);
        assertTrue(Arrays.stream(first).allMatch(v -> v > 0 && Double.isFinite(v)), Arrays.toString(first));
        assertArrayEquals(first, distance.perLevel(wider));
        // Another instance, used first on another image and on another thread, agrees exactly.
        PatchDistance again = new PatchDistance(copy(real));
        again.to(noisy(real, 0.1));
        assertArrayEquals(first, CompletableFuture.supplyAsync(() -> again.perLevel(wider)).get());
        assertEquals(distance.to(wider), again.to(wider));
    }

    private static Planes width250(java.nio.file.Path file) throws Exception {
        Planes image = TrainingPair.toRgb(ImageFiles.read(file));
        int height = Math.round(250f * image.height() / image.width());
        return Resize.bicubic(image, height, 250);
    }

    private static Planes noisy(Planes image, double sigma) {
        Random random = new Random(7);
        Planes out = copy(image);
        for (float[] plane : out.data()) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) Math.min(1, Math.max(0, plane[i] + sigma * random.nextGaussian()));
            }
        }
        return out;
    }

    private static Planes copy(Planes image) {
        float[][] data = new float[image.channels()][];
        for (int c = 0; c < data.length; c++) {
            data[c] = image.plane(c).clone();
        }
        return new Planes(image.channels(), image.height(), image.width(), data);
    }
}
