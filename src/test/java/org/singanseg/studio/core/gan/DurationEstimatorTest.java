package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.testing.TinyModels;

class DurationEstimatorTest {

    @Test
    void estimatesGrowWithThePresetAndScaleWithIterationsAndSteps() throws Exception {
        TrainingPair pair = TinyModels.pair();
        DurationEstimator estimator = DurationEstimator.calibrate(pair);
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
}
