package org.singanseg.studio.core.eval;

import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * The scores of one model: a setting in a fold.
 *
 * @param fold              1-based
 * @param trainingReal      real pairs it trained on
 * @param trainingSynthetic synthetic pairs it trained on
 * @param test              real pairs it was tested on
 * @param metrics           the mean of the test pairs' scores ({@link SegmentationMetrics#mean})
 * @param seconds           training and testing time
 */
public record RunResult(EvaluationSetting setting, int fold, int trainingReal, int trainingSynthetic, int test,
                        SegmentationMetrics metrics, double seconds) {
}
