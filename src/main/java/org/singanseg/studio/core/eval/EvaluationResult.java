package org.singanseg.studio.core.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * What an evaluation found: one {@link RunResult} per setting and fold (or draw), in the plan's
 * order, with the options (seeds included) that make it repeatable.
 *
 * @param heldOut          tested on a held-out test set (draws), not cross-validated (folds)
 * @param realPairs        real pairs cross-validated, or drawn from
 * @param syntheticPairs   synthetic pairs made from them and used
 * @param droppedSynthetic synthetic pairs left out for a mask under the floor
 */
public record EvaluationResult(EvaluationOptions options, boolean heldOut, int realPairs, int syntheticPairs,
                               int droppedSynthetic, List<RunResult> runs) {

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

    /** "draw" or "fold": what the runs' numbers count. */
    public String unit() {
        return heldOut ? "draw" : "fold";
    }

    /**
     * The setting's mean and standard deviation of each score over its folds or draws; a fold's
     * score is the mean over its U-Net seeds.
     */
    public SegmentationMetrics.FoldSummary summary(EvaluationSetting setting) {
        Map<Integer, List<SegmentationMetrics>> byFold = runs(setting).stream().collect(Collectors.groupingBy(
                RunResult::fold, LinkedHashMap::new, Collectors.mapping(RunResult::metrics, Collectors.toList())));
        return SegmentationMetrics.overFolds(byFold.values().stream().map(SegmentationMetrics::mean).toList());
    }
}
