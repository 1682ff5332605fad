package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.core.seg.SegmentationTrainer;

/**
 * Every model an evaluation trains, before any is: the folds of the real pairs (or the draws of a
 * held-out evaluation) and, fold by fold and U-Net seed by seed, one {@link EvaluationRun} per
 * {@link EvaluationSetting}. In that order so that the first results already compare every
 * setting. A held-out evaluation has only the small-data settings: its point is what synthetic
 * pairs add to a few real ones. {@link EvaluationSetting#SMALL_REAL_OWN_EPOCHS} takes part only
 * under {@link TrainingBudget#BOTH}.
 */
public record EvaluationPlan(EvaluationData data, EvaluationOptions options, List<FoldSplit.Fold> folds,
                             List<EvaluationRun> runs) {
    /** How far apart a fold's U-Net seeds lie, so that no two folds or draws share one. */
    static final long SEED_STRIDE = 1000;

    public EvaluationPlan {
        folds = List.copyOf(folds);
        runs = List.copyOf(runs);
    }

    /** @throws IllegalArgumentException for options that do not fit the data (see {@link FoldSplit}) */
    public static EvaluationPlan of(EvaluationData data, EvaluationOptions options) {
        options.validated();
        if (options.budget() == TrainingBudget.BOTH && !data.heldOut()) {
            // In cross-validation the small-data models with synthetic pairs are not the largest training set,
            // so the two budgets share no model.
            throw new IllegalArgumentException("The budget 'both' needs a held-out test set (--test): without one, run "
                    + "the evaluation once with the budget 'steps' and once with 'epochs'.");
        }
        List<FoldSplit.Fold> folds = data.heldOut()
                ? FoldSplit.draws(data.groups(), options.draws(), options.smallN(), options.splitSeed(),
                        data.test().stream().map(p -> new SourceGroup(p, List.of())).toList())
                : FoldSplit.of(data.groups(), options.folds(), options.smallN(), options.splitSeed());
        List<EvaluationSetting> settings = Arrays.stream(EvaluationSetting.values())
                .filter(s -> !data.heldOut() || s.small())
                .filter(s -> !s.ownEpochs() || options.budget() == TrainingBudget.BOTH)
                .toList();
        List<EvaluationRun> runs = new ArrayList<>();
        for (FoldSplit.Fold fold : folds) {
            for (int k = 1; k <= options.modelSeeds(); k++) {
                long unetSeed = unetSeed(options, fold.number(), k);
                for (EvaluationSetting setting : settings) {
                    runs.add(setting.run(fold, unetSeed));
                }
            }
        }
        return new EvaluationPlan(data, options, folds, runs);
    }

    /** The optimiser steps of this run's model under the options' {@link TrainingBudget}. */
    public int steps(EvaluationRun run) {
        SegmentationSettings segmentation = options.segmentation();
        int pairs = options.budget() == TrainingBudget.EPOCHS || run.setting().ownEpochs() ? run.trainingPairs()
                : runs.stream().mapToInt(EvaluationRun::trainingPairs).max().orElse(1);
        return SegmentationTrainer.stepsFor(pairs, segmentation.epochs(), segmentation.batchSize());
    }

    /** The U-Net settings of this run's model, with its seed. */
    public SegmentationSettings segmentation(EvaluationRun run) {
        return options.segmentation().withSeed(run.unetSeed());
    }

    /**
     * The k-th (1-based) U-Net seed of a fold or draw: the options' seed plus the fold's number minus
     * one, plus {@value #SEED_STRIDE} for each further seed; the first is what an evaluation with one
     * seed per fold always used.
     */
    static long unetSeed(EvaluationOptions options, int fold, int k) {
        return options.segmentation().seed() + fold - 1 + (k - 1) * SEED_STRIDE;
    }
}
