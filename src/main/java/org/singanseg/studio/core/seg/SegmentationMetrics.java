package org.singanseg.studio.core.seg;

import java.util.List;

/**
 * The segmentation scores SinGAN-Seg reports, for one predicted mask against the true one, or
 * aggregated. From the pixel counts TP, FP, FN, TN:
 * <ul>
 *   <li>Dice = 2 TP / (2 TP + FP + FN), reported as the Dice loss 1 - Dice;</li>
 *   <li>IoU (Jaccard) = TP / (TP + FP + FN);</li>
 *   <li>precision = TP / (TP + FP), recall = TP / (TP + FN);</li>
 *   <li>F1 = 2 precision recall / (precision + recall), which for binary masks equals Dice;</li>
 *   <li>accuracy = (TP + TN) / all pixels.</li>
 * </ul>
 * A ratio whose denominator is 0 is 1 when both masks are empty (nothing to find and nothing
 * claimed: a perfect answer) and 0 otherwise (a mask that claims no polyp where there is one has
 * precision 0, one that claims a polyp where there is none has recall 0). Scores are thus never
 * NaN, means over images stay defined, and F1 = Dice holds in every case.
 *
 * <p>A fold's score is the mean of its images' scores ({@link #mean}), so every test image
 * counts the same whatever the size of its polyp; a setting's score is the mean and sample
 * standard deviation of its folds' scores ({@link #overFolds}).
 */
public record SegmentationMetrics(double diceLoss, double iou, double f1, double precision, double recall,
                                  double accuracy) {

    /** Column names, in the order of {@link #values}. */
    public static final List<String> NAMES = List.of("dice_loss", "iou", "f1", "precision", "recall", "accuracy");

    /** Mean and sample standard deviation (n - 1; 0 for a single fold) of each score over folds. */
    public record FoldSummary(SegmentationMetrics mean, SegmentationMetrics standardDeviation, int folds) {
    }

    public static SegmentationMetrics of(boolean[] predicted, boolean[] truth) {
        return of(Confusion.of(predicted, truth));
    }

    public static SegmentationMetrics of(Confusion c) {
        boolean empty = c.bothEmpty();
        double tp = c.truePositives();
        double dice = ratio(2 * tp, 2 * tp + c.falsePositives() + c.falseNegatives(), empty);
        double iou = ratio(tp, tp + c.falsePositives() + c.falseNegatives(), empty);
        double precision = ratio(tp, tp + c.falsePositives(), empty);
        double recall = ratio(tp, tp + c.falseNegatives(), empty);
        double f1 = ratio(2 * precision * recall, precision + recall, empty);
        double accuracy = (tp + c.trueNegatives()) / c.pixels();
        return new SegmentationMetrics(1 - dice, iou, f1, precision, recall, accuracy);
    }

    private static double ratio(double numerator, double denominator, boolean bothEmpty) {
        if (denominator == 0) {
            return bothEmpty ? 1 : 0;
        }
        return numerator / denominator;
    }

    /** The scores in the order of {@link #NAMES}. */
    public double[] values() {
        return new double[]{diceLoss, iou, f1, precision, recall, accuracy};
    }

    private static SegmentationMetrics fromValues(double[] v) {
        return new SegmentationMetrics(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /** Each score's mean: a fold's score from its images' scores. */
    public static SegmentationMetrics mean(List<SegmentationMetrics> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("No scores to average");
        }
        double[] sum = new double[NAMES.size()];
        for (SegmentationMetrics s : scores) {
            double[] v = s.values();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= scores.size();
        }
        return fromValues(sum);
    }

    /** Mean and sample standard deviation of each score over the folds' scores. */
    public static FoldSummary overFolds(List<SegmentationMetrics> folds) {
        SegmentationMetrics mean = mean(folds);
        double[] m = mean.values();
        double[] squares = new double[m.length];
        for (SegmentationMetrics fold : folds) {
            double[] v = fold.values();
            for (int i = 0; i < m.length; i++) {
                squares[i] += (v[i] - m[i]) * (v[i] - m[i]);
            }
        }
        for (int i = 0; i < m.length; i++) {
            squares[i] = folds.size() > 1 ? Math.sqrt(squares[i] / (folds.size() - 1)) : 0;
        }
        return new FoldSummary(mean, fromValues(squares), folds.size());
    }
}
