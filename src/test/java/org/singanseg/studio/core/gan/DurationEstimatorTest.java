package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.testing.TinyModels;

class DurationEstimatorTest {

    @Test
    void estimatesGrowWithThePresetAndScaleWithIterationsAndSteps() throws Exception {
        TrainingPair pair = TinyModels.pair();
        DurationEstimator estimator = DurationEstimator.calibrate(pair, () -> false);
        double quick = estimator.seconds(TrainingSettings.quick(), pair.height(), pair.width());
        double standard = estimator.seconds(TrainingSettings.standard(), pair.height(), pair.width());
        double paper = estimator.seconds(TrainingSettings.paper(), pair.height(), pair.width());
        assertTrue(quick > 0 && quick < standard && standard < paper, quick + " < " + standard + " < " + paper);

        TrainingSettings q = TrainingSettings.quick();
        TrainingSettings twice = q.toBuilder().iterations(2 * q.iterations()).criticSteps(2 * q.criticSteps())
                .generatorSteps(2 * q.generatorSteps()).build();
        assertEquals(4 * quick, estimator.seconds(twice, pair.height(), pair.width()), 1e-9 * quick,
                "twice the iterations with twice the steps: four times the time");
    }

    @Test
    void theWidthFactorDoublesByTheFirstExponentToWidth64AndByTheSecondBeyond() {
        DurationEstimator estimator = new DurationEstimator(0, 1e-3, 1.5, 1.2);
        TrainingSettings quick = TrainingSettings.quick();
        double pixels = 1000;
        double[][] widthAndFactor = {{32, 1}, {48, Math.pow(1.5, 1.5)}, {64, Math.pow(2, 1.5)},
            {128, Math.pow(2, 1.5 + 1.2)}, {256, Math.pow(2, 1.5 + 2 * 1.2)}};
        for (double[] expected : widthAndFactor) {
            int width = (int) expected[0];
            TrainingSettings settings = quick.toBuilder().widthInitial(width).widthMax(width).build();
            assertEquals(expected[1], estimator.secondsPerIteration(settings, 0, pixels), 1e-12, "width " + width);
        }
    }

    @Test
    void aCalibrationToldToGiveUpStopsWithACancellation() throws Exception {
        TrainingPair pair = TinyModels.pair();
        int[] asked = {0};
        assertThrows(CancellationException.class, () -> DurationEstimator.calibrate(pair, () -> ++asked[0] > 5));
        assertTrue(asked[0] > 5 && asked[0] < 12, "stopped soon after being told: asked " + asked[0] + " times");
    }
}
