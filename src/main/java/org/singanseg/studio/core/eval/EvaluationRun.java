package org.singanseg.studio.core.eval;

import java.util.List;

import org.singanseg.studio.core.batch.BatchPair;

/**
 * One model of an evaluation: a setting in a fold, with the pairs it trains on and the real pairs
 * it is tested on.
 *
 * @param fold     1-based number of the fold, or of the draw of a held-out evaluation
 * @param unetSeed seed of the model's weights, sample order and augmentations
 */
public record EvaluationRun(EvaluationSetting setting, int fold, long unetSeed, List<BatchPair> trainingReal,
                            List<SyntheticPair> trainingSynthetic, List<BatchPair> test) {

    public EvaluationRun {
        trainingReal = List.copyOf(trainingReal);
        trainingSynthetic = List.copyOf(trainingSynthetic);
        test = List.copyOf(test);
    }

    /** The real and synthetic pairs it trains on. */
    public int trainingPairs() {
        return trainingReal.size() + trainingSynthetic.size();
    }
}
