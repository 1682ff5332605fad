package org.singanseg.studio.core.eval;

import java.util.Arrays;
import java.util.List;

import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * What an evaluation found: one {@link RunResult} per setting and fold, in the plan's order, with
 * the options (seeds included) that make it repeatable.
 *
 * @param realPairs      real pairs cross-validated
 * @param syntheticPairs synthetic pairs made from them
 */
public record EvaluationResult(EvaluationOptions options, int realPairs, int syntheticPairs, List<RunResult> runs) {

    public EvaluationResult {
        runs = List.copyOf(runs);
    }

    /** The settings that have results, in {@link EvaluationSetting} order. */
    public List<EvaluationSetting> settings() {
        return Arrays.stream(EvaluationSetting.values()).filter(s -> !runs(s).isEmpty()).toList();
    }

    /** The setting's results, by fold. */
    public List<RunResult> runs(EvaluationSetting setting) {
        return runs.stream().filter(r -> r.setting() == setting).toList();
    }

    /** The setting's mean and standard deviation of each score over its folds. */
    public SegmentationMetrics.FoldSummary summary(EvaluationSetting setting) {
        return SegmentationMetrics.overFolds(runs(setting).stream().map(RunResult::metrics).toList());
    }
}
