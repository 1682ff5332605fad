package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.core.seg.SegmentationTrainer;

/**
 * Every model an evaluation trains, before any is: the folds of the real pairs (or the draws of a
 * held-out evaluation) and, fold by fold, one {@link EvaluationRun} per {@link EvaluationSetting}.
 * Fold by fold so that the first results already compare every setting. A held-out evaluation
 * has only the small-data settings: its point is what synthetic pairs add to a few real ones.
 */
public record EvaluationPlan(EvaluationData data, EvaluationOptions options, List<FoldSplit.Fold> folds,
                             List<EvaluationRun> runs) {

    public EvaluationPlan {
        folds = List.copyOf(folds);
        runs = List.copyOf(runs);
    }

    /** @throws IllegalArgumentException for options that do not fit the data (see {@link FoldSplit}) */
    public static EvaluationPlan of(EvaluationData data, EvaluationOptions options) {
        options.validated();
        List<FoldSplit.Fold> folds = data.heldOut()
                ? FoldSplit.draws(data.groups(), options.draws(), options.smallN(), options.splitSeed(),
                        data.test().stream().map(p -> new SourceGroup(p, List.of())).toList())
                : FoldSplit.of(data.groups(), options.folds(), options.smallN(), options.splitSeed());
        List<EvaluationSetting> settings = data.heldOut()
                ? List.of(EvaluationSetting.SMALL_REAL, EvaluationSetting.SMALL_REAL_AND_SYNTHETIC)
                : List.of(EvaluationSetting.values());
        List<EvaluationRun> runs = new ArrayList<>();
        for (FoldSplit.Fold fold : folds) {
            for (EvaluationSetting setting : settings) {
                runs.add(setting.run(fold));
            }
        }
        return new EvaluationPlan(data, options, folds, runs);
    }

    /** The optimiser steps of this run's model under the options' {@link TrainingBudget}. */
    public int steps(EvaluationRun run) {
        SegmentationSettings segmentation = options.segmentation();
        int pairs = options.budget() == TrainingBudget.EPOCHS ? run.trainingPairs()
                : runs.stream().mapToInt(EvaluationRun::trainingPairs).max().orElse(1);
        return SegmentationTrainer.stepsFor(pairs, segmentation.epochs(), segmentation.batchSize());
    }

    /** The U-Net settings of this run's model: the seed is the fold's or draw's. */
    public SegmentationSettings segmentation(EvaluationRun run) {
        SegmentationSettings segmentation = options.segmentation();
        return segmentation.withSeed(segmentation.seed() + run.fold() - 1);
    }
}
