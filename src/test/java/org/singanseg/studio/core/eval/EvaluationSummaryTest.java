package org.singanseg.studio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.seg.SegmentationMetrics;

/** A model that marked no pixel of any test image is named in a warning, in the summary too. */
class EvaluationSummaryTest {
    private static final SegmentationMetrics MISSED = new SegmentationMetrics(1, 0, 0, 0, 0, 0.9);

    @Test
    void modelsThatMarkedNothingAreNamed() {
        RunResult marked = run(EvaluationSetting.SMALL_REAL, 1, 0.0, 0.02);
        RunResult blank = run(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, 1, 0.0, 0.0);
        assertFalse(marked.markedNothing(), "one image with marked pixels is enough");
        assertTrue(blank.markedNothing());

        EvaluationResult result = result(List.of(marked, blank));
        Optional<String> warning = EvaluationSummary.blankModels(result);
        assertEquals(Optional.of("Warning: 1 of 2 models marked no pixel of any test image (5 real + synthetic, "
                + "draw 1, seed 1): networks that learnt nothing in their steps, scored 0. Train longer (more epochs) "
                + "or with more U-Net seeds before reading their settings' means."), warning);
        assertTrue(EvaluationSummary.text(result).contains(warning.get()));
        assertEquals(Optional.empty(), EvaluationSummary.blankModels(result(List.of(marked))));
    }

    private static EvaluationResult result(List<RunResult> runs) {
        return new EvaluationResult(EvaluationOptions.defaults(), true, 10, 50, 0, runs);
    }

    private static RunResult run(EvaluationSetting setting, int draw, double... predictedShares) {
        List<RunResult.ImageScore> images = java.util.stream.IntStream.range(0, predictedShares.length)
                .mapToObj(i -> new RunResult.ImageScore("t" + i, 0.1, predictedShares[i], MISSED)).toList();
        return new RunResult(setting, draw, draw, List.of("a", "b", "c", "d", "e"), 50, 10, images, MISSED, 1);
    }
}
