package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Every model an evaluation trains, before any is: the folds of the real pairs and, fold by
 * fold, one {@link EvaluationRun} per {@link EvaluationSetting}. Fold by fold so that the first
 * results already compare every setting.
 */
public record EvaluationPlan(EvaluationData data, EvaluationOptions options, List<FoldSplit.Fold> folds,
                             List<EvaluationRun> runs) {

    public EvaluationPlan {
        folds = List.copyOf(folds);
        runs = List.copyOf(runs);
    }

    /** @throws IllegalArgumentException for options that do not fit the data (see {@link FoldSplit#of}) */
    public static EvaluationPlan of(EvaluationData data, EvaluationOptions options) {
        options.validated();
        List<FoldSplit.Fold> folds = FoldSplit.of(data.groups(), options.folds(), options.smallN(),
                options.splitSeed());
        List<EvaluationRun> runs = new ArrayList<>();
        for (FoldSplit.Fold fold : folds) {
            for (EvaluationSetting setting : EvaluationSetting.values()) {
                runs.add(setting.run(fold));
            }
        }
        return new EvaluationPlan(data, options, folds, runs);
    }
}
