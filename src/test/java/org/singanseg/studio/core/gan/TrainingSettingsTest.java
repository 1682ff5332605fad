package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void withoutTheBatchNormSettingOnlyTheCoarsestScaleHasBatchNorm() {
        TrainingSettings sharp = TrainingSettings.sharp();
        TrainingSettings paper = TrainingSettings.paper();
        for (int scale = 0; scale < 9; scale++) {
            assertEquals(scale == 0, sharp.batchNormAt(scale), "sharp, scale " + scale);
            assertEquals(true, paper.batchNormAt(scale), "paper, scale " + scale);
        }
    }
}
