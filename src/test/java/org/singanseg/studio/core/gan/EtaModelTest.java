package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.Pyramid;

/**
 * The estimate before a run and the time left during it, worked out by hand on a three-scale
 * pyramid of 10x10, 20x20 and 40x40 px (100, 400 and 1600 pixels), 10 iterations per scale, 2 + 2
 * steps (the calibration's own) and one network width (32, the calibration's own).
 */
class EtaModelTest {
    private static final Pyramid PYRAMID = new Pyramid(1, 0.5, new int[]{10, 20, 40}, new int[]{10, 20, 40});
    private static final TrainingSettings SETTINGS = TrainingSettings.quick().toBuilder().iterations(10).build();
    /** 0.1 s per iteration plus 1 ms per 1000 pixels: 0.2, 0.5 and 1.7 s at the three scales. */
    private static final DurationEstimator CALIBRATION = new DurationEstimator(0.1, 1e-3, 2, 2);

    @Test
    void beforeTheRunTheEstimateIsTheCalibrations() {
        assertEquals(10 * (0.2 + 0.5 + 1.7), new EtaModel(SETTINGS, PYRAMID, CALIBRATION).totalSeconds(), 1e-9);
    }

    @Test
    void aScaleTrainedOnWindowsCostsTheWindowPlusTheCoarserScalesForwardPasses() {
        // Windows of 32 px: the 40x40 scale trains on 32x32 = 1024 pixels, and 2 critic steps draw
        // their inputs through the coarser 500 pixels: 2 * 500 / 30 more.
        TrainingSettings windows = SETTINGS.toBuilder().windowSize(32).build();
        double finest = 0.1 + 1e-3 * (1024 + 2 * 500 / 30.0);
        assertEquals(10 * (0.2 + 0.5 + finest), new EtaModel(windows, PYRAMID, CALIBRATION).totalSeconds(), 1e-9);
    }

    @Test
    void theRunsOwnPaceAfterTheWarmUpSetsTheLevelAndTheCalibrationTheGrowthWithSize() {
        EtaModel eta = new EtaModel(SETTINGS, PYRAMID, CALIBRATION);
        // The warm-up iterations of scale 1 are slow; until they are over, the calibration speaks.
        assertEquals(9 * 0.2 + 10 * (0.5 + 1.7), eta.secondsLeft(0, 1, 5.0), 1e-9);
        assertEquals(7 * 0.2 + 10 * (0.5 + 1.7), eta.secondsLeft(0, 3, 6.0), 1e-9);
        // Then 0.6 s per iteration, three times the expected 0.2 s: everything left takes three times as long.
        assertEquals(3 * (6 * 0.2 + 10 * (0.5 + 1.7)), eta.secondsLeft(0, 4, 6.6), 1e-9);
        assertEquals(3 * (10 * (0.5 + 1.7)), eta.secondsLeft(0, 10, 6.0 + 7 * 0.6), 1e-9);
        // Scale 2's warm-up keeps scale 1's pace; after it, scale 2 at the expected 0.5 s per iteration.
        assertEquals(3 * (9 * 0.5 + 10 * 1.7), eta.secondsLeft(1, 1, 4.0), 1e-9);
        eta.secondsLeft(1, 3, 6.0);
        assertEquals(5 * 0.5 + 10 * 1.7, eta.secondsLeft(1, 5, 6.0 + 2 * 0.5), 1e-9);
    }

    @Test
    void withoutACalibrationTheRunsPaceGrowsWithPixelsTimesWidthSquared() {
        EtaModel eta = new EtaModel(SETTINGS, PYRAMID, null);
        // The first iteration is all there is: 2 s, and a scale of 4 times the pixels takes 4 times as long.
        assertEquals(9 * 2 + 10 * (4 * 2 + 16 * 2), eta.secondsLeft(0, 1, 2.0), 1e-9);
        eta.secondsLeft(0, 3, 5.0);
        assertEquals(6 * 1 + 10 * (4 + 16), eta.secondsLeft(0, 4, 6.0), 1e-9);
    }
}
