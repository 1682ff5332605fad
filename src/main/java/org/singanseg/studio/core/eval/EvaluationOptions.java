package org.singanseg.studio.core.eval;

import org.singanseg.studio.core.seg.SegmentationSettings;

/**
 * How an evaluation runs: {@code folds}-fold cross-validation over the real pairs, split with
 * {@code splitSeed} (which also draws each fold's {@code smallN} small-data pairs), every model
 * trained with {@code segmentation} (its seed, the U-Net seed, is the same for every model, so
 * the settings of a fold differ only in their training data).
 */
public record EvaluationOptions(int folds, int smallN, long splitSeed, SegmentationSettings segmentation) {

    /** 3 folds, 5 small-data pairs, split seed 1, {@link SegmentationSettings#defaults()}. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(3, 5, 1, SegmentationSettings.defaults());
    }

    /** Returns these options, or throws IllegalArgumentException saying what is wrong. */
    public EvaluationOptions validated() {
        if (folds < 2) {
            throw new IllegalArgumentException("Cross-validation needs at least 2 folds, got " + folds + ".");
        }
        if (smallN < 1) {
            throw new IllegalArgumentException("The small-data setting needs at least 1 real pair, got " + smallN + ".");
        }
        segmentation.validated();
        return this;
    }
}
