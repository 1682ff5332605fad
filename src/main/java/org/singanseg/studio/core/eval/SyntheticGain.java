package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * The evaluation's headline: what adding synthetic pairs to n real ones did to a score on real test
 * images ({@link EvaluationSetting#SMALL_REAL} against {@link EvaluationSetting#SMALL_REAL_AND_SYNTHETIC}),
 * as an absolute and a relative gain with 95% confidence intervals.
 *
 * <p>The intervals come from a paired bootstrap over both sources of chance: the draws (or folds)
 * and the test images. Each resample weighs every draw by how often it was drawn from the draws,
 * with replacement, and every test image by how often it was drawn from the test images; the two
 * settings are scored on the same weighted (draw, image) cells, so what they share cancels. A
 * draw's U-Net seeds stay together in it (each with and without synthetic pairs, paired by seed),
 * so they narrow the interval only as far as they average out the luck of a network's start. Relative
 * gain = weighted mean with synthetic / weighted mean without - 1. The interval is the 2.5th to
 * 97.5th percentile of {@value #RESAMPLES} resamples (seeded: the same result gives the same
 * interval).
 *
 * @param budget          the budget of the comparison: {@code without}'s models trained for the
 *                        same steps as {@code with}'s ({@link TrainingBudget#STEPS}) or for their
 *                        own epochs ({@link TrainingBudget#EPOCHS})
 * @param named           the sentence names the budget (a run that answers for both)
 * @param metric          the score's name, e.g. "IoU"
 * @param without         mean score of the n real pairs alone, over draws and test images
 * @param with            mean score with their synthetic pairs added
 * @param syntheticPairs  synthetic pairs added per model, on average
 * @param draws           draws or folds
 * @param seeds           U-Net seeds per draw or fold
 * @param unit            "draw" or "fold"
 * @param testImages      distinct test images
 */
public record SyntheticGain(TrainingBudget budget, boolean named, String metric, int smallN, double syntheticPairs,
                            double without, double with,
                            double absoluteLow, double absoluteHigh, double relativeLow, double relativeHigh,
                            int draws, int seeds, String unit, int testImages) {
    static final int RESAMPLES = 4000;
    private static final long SEED = 20221;

    public double absolute() {
        return with - without;
    }

    /** The relative gain; infinite (or 0 when both are 0) where the models without synthetic pairs scored 0. */
    public double relative() {
        return ratioGain(without, with);
    }

    /** Whether the 95% interval of the gain includes no gain (the absolute one: it exists also where the relative does not). */
    public boolean withinNoise() {
        return absoluteLow <= 0 && absoluteHigh >= 0;
    }

    /**
     * IoU's and Dice's gains over {@link EvaluationSetting#SMALL_REAL}, then, under
     * {@link TrainingBudget#BOTH}, over {@link EvaluationSetting#SMALL_REAL_OWN_EPOCHS}.
     */
    public static List<SyntheticGain> headline(EvaluationResult result) {
        List<SyntheticGain> gains = new ArrayList<>();
        for (EvaluationSetting baseline : baselines(result)) {
            gains.add(of(result, baseline, "IoU", SegmentationMetrics::iou));
            gains.add(of(result, baseline, "Dice", SegmentationMetrics::f1));
        }
        return gains;
    }

    /** What the headline compares with: {@link EvaluationSetting#SMALL_REAL}, then its own epochs' where run. */
    static List<EvaluationSetting> baselines(EvaluationResult result) {
        return List.of(EvaluationSetting.SMALL_REAL, EvaluationSetting.SMALL_REAL_OWN_EPOCHS).stream()
                .filter(baseline -> !result.runs(baseline).isEmpty()).toList();
    }

    /** The gain of {@link EvaluationSetting#SMALL_REAL_AND_SYNTHETIC} over {@code baseline}, paired by draw and seed. */
    public static SyntheticGain of(EvaluationResult result, EvaluationSetting baseline, String metric,
                                   ToDoubleFunction<SegmentationMetrics> score) {
        return of(result, baseline, metric, score, image -> true);
    }

    /** The same on the test images that {@code kept} keeps only. */
    static SyntheticGain of(EvaluationResult result, EvaluationSetting baseline, String metric,
                            ToDoubleFunction<SegmentationMetrics> score, Predicate<RunResult.ImageScore> kept) {
        List<RunResult> without = result.runs(baseline);
        List<RunResult> with = result.runs(EvaluationSetting.SMALL_REAL_AND_SYNTHETIC);
        Map<String, Integer> images = new LinkedHashMap<>();
        Map<Integer, Integer> drawIndex = new LinkedHashMap<>(); // fold or draw number -> index
        List<double[]> cells = new ArrayList<>(); // {draw, image, score without, score with}
        for (RunResult base : without) {
            RunResult added = with.stream().filter(r -> r.fold() == base.fold() && r.unetSeed() == base.unetSeed())
                    .findFirst().orElse(null);
            if (added == null) {
                continue;
            }
            int draw = drawIndex.computeIfAbsent(base.fold(), f -> drawIndex.size());
            Map<String, Double> addedScores = new LinkedHashMap<>();
            added.images().forEach(i -> addedScores.put(i.name(), score.applyAsDouble(i.metrics())));
            for (RunResult.ImageScore image : base.images()) {
                Double other = addedScores.get(image.name());
                if (other != null && kept.test(image)) {
                    int index = images.computeIfAbsent(image.name(), n -> images.size());
                    cells.add(new double[]{draw, index, score.applyAsDouble(image.metrics()), other});
                }
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("The evaluation has no draw or fold with both small-data settings "
                    + "and a test image to compare them on");
        }
        double synthetic = with.stream().mapToInt(RunResult::trainingSynthetic).average().orElse(0);
        int smallN = result.options().smallN();
        double[] mean = weighted(cells, filled(drawIndex.size()), filled(images.size()));
        Random random = new Random(SEED);
        double[] absolute = new double[RESAMPLES];
        double[] relative = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double[] m;
            do {
                m = weighted(cells, resampled(drawIndex.size(), random), resampled(images.size(), random));
            } while (m == null);
            absolute[r] = m[1] - m[0];
            relative[r] = ratioGain(m[0], m[1]);
        }
        TrainingBudget budget = baseline.ownEpochs() || result.options().budget() == TrainingBudget.EPOCHS
                ? TrainingBudget.EPOCHS : TrainingBudget.STEPS;
        return new SyntheticGain(budget, result.options().budget() == TrainingBudget.BOTH, metric, smallN, synthetic,
                mean[0], mean[1], percentile(absolute, 0.025),
                percentile(absolute, 0.975), percentile(relative, 0.025), percentile(relative, 0.975),
                drawIndex.size(), result.options().modelSeeds(), result.unit(), images.size());
    }

    /** {@code with / without - 1}; a model that found no polyp without synthetic pairs has no finite ratio. */
    private static double ratioGain(double without, double with) {
        if (without == 0) {
            return with == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return with / without - 1;
    }

    /** Weighted means {without, with}; null when the weights leave no cell. */
    private static double[] weighted(List<double[]> cells, double[] drawWeights, double[] imageWeights) {
        double total = 0;
        double without = 0;
        double with = 0;
        for (double[] cell : cells) {
            double w = drawWeights[(int) cell[0]] * imageWeights[(int) cell[1]];
            total += w;
            without += w * cell[2];
            with += w * cell[3];
        }
        if (total == 0) {
            return null;
        }
        return new double[]{without / total, with / total};
    }

    private static double[] filled(int n) {
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        return weights;
    }

    /** How often each of n items is drawn in n draws with replacement. */
    private static double[] resampled(int n, Random random) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[random.nextInt(n)]++;
        }
        return weights;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        if (sorted[above] == sorted[below]) {
            return sorted[below]; // also where both are infinite, which interpolation would make NaN
        }
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * E.g. "Adding 50 synthetic pairs to 5 real ones raised IoU from 0.31 to 0.40: +29% (95% CI +18% to
     * +41%), +0.09 absolute (95% CI +0.05 to +0.13); over 3 draws and 121 test images.", after
     * "Budget steps: " or "Budget epochs: " where the run answers for both.
     */
    public String sentence() {
        String verb = with > without ? "raised" : with < without ? "lowered" : "left";
        String noise = withinNoise() ? " The interval includes 0: the difference is within the noise." : "";
        String none = without == 0 ? " Without synthetic pairs the models found no polyp on any test image: the "
                + "relative gain has no finite value." : "";
        return String.format(Locale.ROOT, "%sAdding %s to %d real one%s %s %s from %.3f to %.3f: %s "
                        + "(95%% CI %s to %s), %s absolute (95%% CI %s to %s); over %d %s%s and %d test images.%s",
                named ? "Budget " + budget.id() + ": " : "", pairs(syntheticPairs), smallN, smallN == 1 ? "" : "s",
                verb, metric, without, with,
                percent(relative()), percent(relativeLow), percent(relativeHigh), signed(absolute()),
                signed(absoluteLow), signed(absoluteHigh), draws, draws == 1 ? unit : unit + "s",
                seeds == 1 ? "" : " (" + seeds + " U-Net seeds each)",
                testImages, noise + none);
    }

    /** "50 synthetic pairs", or "47.8 synthetic pairs on average" where a mask floor left out some of a draw's. */
    private static String pairs(double value) {
        return value == Math.rint(value) ? (long) value + " synthetic pairs"
                : String.format(Locale.ROOT, "%.1f synthetic pairs on average", value);
    }

    static String percent(double value) {
        return Double.isInfinite(value) ? "no bound" : String.format(Locale.ROOT, "%+.0f%%", 100 * value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }
}
