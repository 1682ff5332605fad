package org.singanseg.studio.core.eval;

import java.util.List;

import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * The scores of one model: a setting in a fold or draw.
 *
 * @param fold              1-based number of the fold or draw
 * @param unetSeed          the model's seed; a fold's settings share each of its seeds
 * @param realNames         names of the real pairs it trained on, in name order
 * @param trainingSynthetic synthetic pairs it trained on
 * @param steps             optimiser steps it trained for
 * @param images            each test pair's scores, in test order
 * @param metrics           the mean of the test pairs' scores ({@link SegmentationMetrics#mean})
 * @param seconds           training and testing time
 */
public record RunResult(EvaluationSetting setting, int fold, long unetSeed, List<String> realNames,
                        int trainingSynthetic, int steps, List<ImageScore> images, SegmentationMetrics metrics,
                        double seconds) {

    /**
     * One test pair's scores; {@code name} is the test pair's name (its image's base name), {@code
     * polypShare} the share of the image its mask covers (0..1), {@code predictedShare} the share the
     * model's prediction marks.
     */
    public record ImageScore(String name, double polypShare, double predictedShare, SegmentationMetrics metrics) {
    }

    public RunResult {
        realNames = List.copyOf(realNames);
        images = List.copyOf(images);
    }

    /** Real pairs it trained on. */
    public int trainingReal() {
        return realNames.size();
    }

    /**
     * Whether it marked no pixel of any test image: a network that learnt nothing in its steps (all
     * its logits negative), whose zero scores say nothing about the data it trained on.
     */
    public boolean markedNothing() {
        return !images.isEmpty() && images.stream().allMatch(image -> image.predictedShare() == 0);
    }

    /** Real pairs it was tested on. */
    public int test() {
        return images.size();
    }
}
