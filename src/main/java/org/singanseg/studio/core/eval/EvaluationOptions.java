package org.singanseg.studio.core.eval;

import java.util.Locale;

import org.singanseg.studio.core.seg.SegmentationSettings;

/**
 * How an evaluation runs. Without a held-out test set: {@code folds}-fold cross-validation over the
 * real pairs, split with {@code splitSeed}, which also draws each fold's {@code smallN} small-data
 * pairs. With one: {@code draws} independent draws of {@code smallN} real pairs (drawn with
 * {@code splitSeed}), every model tested on the whole test set. Models train with
 * {@code segmentation} for the steps that {@code budget} gives. Each fold or draw trains every
 * setting {@code modelSeeds} times, with U-Net seeds that are the same for every setting, so those
 * differ only in their training data (see {@link EvaluationPlan#unetSeed}); more seeds average out
 * the luck of one network's start. Synthetic pairs whose mask covers
 * less than {@code minMaskCoverage} of their image (less than half their real mask's share, for a
 * smaller real polyp) are left out: a polyp-like image without a mask teaches the model to miss
 * polyps.
 */
public record EvaluationOptions(int folds, int smallN, long splitSeed, SegmentationSettings segmentation, int draws,
                                TrainingBudget budget, double minMaskCoverage, int modelSeeds) {

    /**
     * 3 folds or 3 draws, 5 small-data pairs, split seed 1, {@link SegmentationSettings#defaults()},
     * the same steps for every model, synthetic masks under 1% of the image left out, one U-Net seed.
     */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(3, 5, 1, SegmentationSettings.defaults(), 3, TrainingBudget.STEPS, 0.01, 1);
    }

    public EvaluationOptions withFolds(int newFolds) {
        return new EvaluationOptions(newFolds, smallN, splitSeed, segmentation, draws,
                budget, minMaskCoverage, modelSeeds);
    }

    public EvaluationOptions withSmallN(int newSmallN) {
        return new EvaluationOptions(folds, newSmallN, splitSeed, segmentation, draws,
                budget, minMaskCoverage, modelSeeds);
    }

    public EvaluationOptions withSplitSeed(long newSeed) {
        return new EvaluationOptions(folds, smallN, newSeed, segmentation, draws,
                budget, minMaskCoverage, modelSeeds);
    }

    public EvaluationOptions withSegmentation(SegmentationSettings newSegmentation) {
        return new EvaluationOptions(folds, smallN, splitSeed, newSegmentation, draws,
                budget, minMaskCoverage, modelSeeds);
    }

    public EvaluationOptions withDraws(int newDraws) {
        return new EvaluationOptions(folds, smallN, splitSeed, segmentation, newDraws,
                budget, minMaskCoverage, modelSeeds);
    }

    public EvaluationOptions withBudget(TrainingBudget newBudget) {
        return new EvaluationOptions(folds, smallN, splitSeed, segmentation, draws,
                newBudget, minMaskCoverage, modelSeeds);
    }

    public EvaluationOptions withMinMaskCoverage(double newCoverage) {
        return new EvaluationOptions(folds, smallN, splitSeed, segmentation, draws,
                budget, newCoverage, modelSeeds);
    }

    public EvaluationOptions withModelSeeds(int newModelSeeds) {
        return new EvaluationOptions(folds, smallN, splitSeed, segmentation, draws, budget, minMaskCoverage,
                newModelSeeds);
    }

    /** A model's name within its setting: its fold's or draw's number, and its U-Net seed where there are several. */
    public String modelName(int fold, long unetSeed) {
        return modelSeeds == 1 ? Integer.toString(fold) : fold + ", seed " + unetSeed;
    }

    /** Returns these options, or throws IllegalArgumentException saying what is wrong. */
    public EvaluationOptions validated() {
        if (folds < 2) {
            throw new IllegalArgumentException("Cross-validation needs at least 2 folds, got " + folds + ".");
        }
        if (draws < 1) {
            throw new IllegalArgumentException("A held-out evaluation needs at least 1 draw, got " + draws + ".");
        }
        if (modelSeeds < 1) {
            throw new IllegalArgumentException("Each fold or draw needs at least 1 U-Net seed, got " + modelSeeds
                    + ".");
        }
        if (smallN < 1) {
            throw new IllegalArgumentException("The small-data setting needs at least 1 real pair, got " + smallN + ".");
        }
        if (!(minMaskCoverage >= 0 && minMaskCoverage < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The smallest mask area of a synthetic pair "
                    + "must be from 0%% to under 100%% of the image, got %s.", minMaskCoverage * 100));
        }
        segmentation.validated();
        return this;
    }
}
