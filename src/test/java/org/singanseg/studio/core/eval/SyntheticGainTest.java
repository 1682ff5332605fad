package org.singanseg.studio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.seg.SegmentationMetrics;

/** The headline's paired bootstrap on hand-made results whose answer is known. */
class SyntheticGainTest {

    @Test
    void aGainThatIsTheSameOnEveryImageHasAnIntervalOfThatGainAlone() {
        // Every image: IoU 0.2 to 0.6 without, exactly 1.3 times that with.
        Random random = new Random(1);
        double[] base = random.doubles(50, 0.2, 0.6).toArray();
        EvaluationResult result = result(3, 50, (d, i) -> base[i], (d, i) -> 1.3 * base[i]);
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "IoU", SegmentationMetrics::iou);
        double mean = java.util.Arrays.stream(base).average().orElseThrow();
        assertEquals(mean, gain.without(), 1e-12);
        assertEquals(1.3 * mean, gain.with(), 1e-12);
        assertEquals(0.3, gain.relative(), 1e-12);
        assertEquals(0.3, gain.relativeLow(), 1e-9, "a ratio of sums of 1.3 a over a is 1.3 in every resample");
        assertEquals(0.3, gain.relativeHigh(), 1e-9);
        assertTrue(gain.absoluteLow() < gain.absolute() && gain.absolute() < gain.absoluteHigh(),
                "the absolute gain still varies with the images drawn");
        assertFalse(gain.withinNoise());
        assertEquals(3, gain.draws());
        assertEquals(50, gain.testImages());
        assertTrue(gain.sentence().startsWith("Adding 10 synthetic pairs to 5 real ones raised IoU from "),
                gain.sentence());
        assertTrue(gain.sentence().contains(": +30% (95% CI +30% to +30%)"), gain.sentence());
    }

    @Test
    void theIntervalOfANoisyGainHasTheWidthThatTheoryGives() {
        // One draw, 400 images, gain = 0.1 + N(0, 0.2): the 95% interval is about +/- 1.96 * 0.2 / 20.
        Random random = new Random(7);
        double[] noise = random.doubles(400).map(u -> 0.2 * random.nextGaussian()).toArray();
        EvaluationResult result = result(1, 400, (d, i) -> 0.4, (d, i) -> 0.5 + noise[i]);
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "IoU", SegmentationMetrics::iou);
        double sampleMean = java.util.Arrays.stream(noise).average().orElseThrow();
        assertEquals(0.1 + sampleMean, gain.absolute(), 1e-12);
        double halfWidth = (gain.absoluteHigh() - gain.absoluteLow()) / 2;
        assertEquals(1.96 * 0.2 / 20, halfWidth, 0.15 * 1.96 * 0.2 / 20);
        assertTrue(gain.absoluteLow() < 0.1 && 0.1 < gain.absoluteHigh(), "covers the true gain");
    }

    @Test
    void aGainSmallerThanItsNoiseIsCalledThat() {
        Random random = new Random(3);
        double[] noise = random.doubles(30).map(u -> 0.2 * random.nextGaussian()).toArray();
        EvaluationResult result = result(2, 30, (d, i) -> 0.5, (d, i) -> 0.5 + noise[i] + (d == 0 ? 0.01 : -0.01));
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "Dice", SegmentationMetrics::f1);
        assertTrue(gain.withinNoise(), gain.toString());
        assertTrue(gain.sentence().contains("within the noise"), gain.sentence());
    }

    @Test
    void drawsThatDisagreeWidenTheInterval() {
        // Every image gains the same within a draw, but one draw gains 0.2 and the other 0: the
        // interval must reach both, as resampling the draws gives all-first and all-second.
        EvaluationResult result = result(2, 40, (d, i) -> 0.5, (d, i) -> d == 0 ? 0.7 : 0.5);
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "IoU", SegmentationMetrics::iou);
        assertEquals(0.2, gain.relative(), 1e-12);
        assertEquals(0.0, gain.relativeLow(), 1e-9);
        assertEquals(0.4, gain.relativeHigh(), 1e-9);
    }

    /** Models that found no polyp without synthetic pairs: no finite relative gain, and an answer, not a hang. */
    @Test
    void aBaselineThatScoresZeroEverywhereHasOnlyAnAbsoluteGain() {
        EvaluationResult result = result(2, 20, (d, i) -> 0, (d, i) -> i % 2 == 0 ? 0.4 : 0.2);
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "IoU", SegmentationMetrics::iou);
        assertEquals(0.3, gain.absolute(), 1e-12);
        assertTrue(gain.absoluteLow() > 0, gain.toString());
        assertEquals(Double.POSITIVE_INFINITY, gain.relative());
        assertFalse(gain.withinNoise());
        assertTrue(gain.sentence().contains("from 0.000 to 0.300: no bound (95% CI no bound to no bound)"),
                gain.sentence());
        assertTrue(gain.sentence().contains("the relative gain has no finite value"), gain.sentence());

        SyntheticGain nothing = SyntheticGain.of(result(2, 20, (d, i) -> 0, (d, i) -> 0), EvaluationSetting.SMALL_REAL,
                "IoU", SegmentationMetrics::iou);
        assertEquals(0, nothing.relative());
        assertTrue(nothing.withinNoise());
    }

    /**
     * Two U-Net seeds per draw, one luckier than the other: each seed's model with synthetic pairs is
     * compared with the same seed's model without, and a draw's seeds average within it.
     */
    @Test
    void aDrawsSeedsArePairedBySeedAndAveragedWithinTheDraw() {
        List<RunResult> runs = new ArrayList<>();
        for (int draw = 1; draw <= 2; draw++) {
            runs.add(run(EvaluationSetting.SMALL_REAL, draw, 1, 0, 30, i -> 0.2));
            runs.add(run(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, draw, 1, 10, 30, i -> 0.3));
            runs.add(run(EvaluationSetting.SMALL_REAL, draw, 1001, 0, 30, i -> 0.6));
            runs.add(run(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, draw, 1001, 10, 30, i -> 0.9));
        }
        EvaluationResult result = new EvaluationResult(EvaluationOptions.defaults().withDraws(2).withModelSeeds(2),
                true, 15, 20, 0, runs);
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "IoU", SegmentationMetrics::iou);
        assertEquals(0.4, gain.without(), 1e-12);
        assertEquals(0.6, gain.with(), 1e-12);
        assertEquals(0.5, gain.relativeLow(), 1e-9, "both draws gain 0.6 / 0.4 whatever is resampled");
        assertEquals(0.5, gain.relativeHigh(), 1e-9);
        assertEquals(2, gain.draws());
        assertTrue(gain.sentence().contains("over 2 draws (2 U-Net seeds each) and 30 test images"), gain.sentence());

        SegmentationMetrics.FoldSummary summary = result.summary(EvaluationSetting.SMALL_REAL);
        assertEquals(2, summary.folds(), "seeds are averaged within their draw");
        assertEquals(0.4, summary.mean().iou(), 1e-12);
        assertEquals(0, summary.standardDeviation().iou(), 1e-12);
    }

    @Test
    void theGainByPolypSizeComparesTheThirdsOfTheTestImagesBySize() {
        // Image i covers (i + 1) / 1000 of its frame: images 0-19, 20-39 and 40-59 are the thirds.
        EvaluationResult result = result(2, 60, (d, i) -> 0.4, (d, i) -> i >= 40 ? 0.5 : 0.4);
        List<PolypSizeGain> gains = PolypSizeGain.of(result, EvaluationSetting.SMALL_REAL);
        assertEquals(3, gains.size());
        assertEquals(List.of(20, 20, 20), gains.stream().map(PolypSizeGain::images).toList());
        assertEquals(0.001, gains.get(0).from(), 1e-12);
        assertEquals(0.020, gains.get(0).to(), 1e-12);
        assertEquals(0.041, gains.get(2).from(), 1e-12);
        assertEquals(0, gains.get(0).gain().relative(), 1e-12);
        assertTrue(gains.get(0).gain().withinNoise(), "no gain on the small polyps' images");
        assertEquals(0.25, gains.get(2).gain().relative(), 1e-12);
        assertEquals(0.25, gains.get(2).gain().relativeLow(), 1e-9, "every large polyp's image gains 0.5 / 0.4");
        List<String> lines = PolypSizeGain.lines(result);
        assertEquals(1, lines.size(), "one baseline, one line");
        assertTrue(lines.get(0).startsWith("IoU by test polyp size: smallest third (polyp on 0.1% to 2.0% of the "
                + "image, 20 test images) from 0.400 to 0.400, +0% (95% CI +0% to +0%), within the noise;"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith("largest third (polyp on 4.1% to 6.0% of the image, 20 test images) from "
                + "0.400 to 0.500, +25% (95% CI +25% to +25%)."), lines.get(0));
        assertTrue(EvaluationSummary.text(result).contains(lines.get(0)));
        assertTrue(PolypSizeGain.of(result(1, 2, (d, i) -> 0.4, (d, i) -> 0.5), EvaluationSetting.SMALL_REAL).isEmpty(),
                "two test images have no thirds");
    }

    /** A mask floor that left out pairs of one draw: the mean count per model, said to be one. */
    @Test
    void aFractionalPairCountIsCalledAnAverage() {
        List<RunResult> runs = List.of(run(EvaluationSetting.SMALL_REAL, 1, 1, 0, 10, i -> 0.2),
                run(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, 1, 1, 50, 10, i -> 0.3),
                run(EvaluationSetting.SMALL_REAL, 2, 2, 0, 10, i -> 0.2),
                run(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, 2, 2, 45, 10, i -> 0.3));
        EvaluationResult result = new EvaluationResult(EvaluationOptions.defaults().withDraws(2), true, 10, 95, 0, runs);
        SyntheticGain gain = SyntheticGain.of(result, EvaluationSetting.SMALL_REAL, "IoU", SegmentationMetrics::iou);
        assertTrue(gain.sentence().startsWith("Adding 47.5 synthetic pairs on average to 5 real ones raised IoU"),
                gain.sentence());
    }

    interface Score {
        double of(int draw, int image);
    }

    /** A held-out result: per draw, 5 real without and 5 real + 10 synthetic with, on the same images. */
    private static EvaluationResult result(int draws, int images, Score without, Score with) {
        List<RunResult> runs = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            int draw = d;
            runs.add(run(EvaluationSetting.SMALL_REAL, d + 1, 1, 0, images, i -> without.of(draw, i)));
            runs.add(run(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, d + 1, 1, 10, images, i -> with.of(draw, i)));
        }
        return new EvaluationResult(EvaluationOptions.defaults(), true, 15, 10 * draws, 0, runs);
    }

    private static RunResult run(EvaluationSetting setting, int draw, long unetSeed, int synthetic, int images,
                                 IntToDoubleFunction score) {
        List<RunResult.ImageScore> scores = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            double value = score.applyAsDouble(i);
            scores.add(new RunResult.ImageScore("t" + i, (i + 1) / 1000.0, value,
                    new SegmentationMetrics(1 - value, value, value, 1, 1, 1)));
        }
        return new RunResult(setting, draw, unetSeed, List.of("r1", "r2", "r3", "r4", "r5"), synthetic, 100, scores,
                SegmentationMetrics.mean(scores.stream().map(RunResult.ImageScore::metrics).toList()), 1);
    }
}
