package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Every score against 4x4 masks whose pixel counts are worked out by hand. */
class SegmentationMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void partialOverlap() {
        boolean[] truth = mask(
                "XX..",
                "XX..",
                "....",
                "....");
        boolean[] predicted = mask(
                "X...",
                "XXX.",
                "....",
                "...X");
        // TP (0,0) (1,0) (1,1) = 3; FN (0,1) = 1; FP (1,2) (3,3) = 2; TN = 16 - 6 = 10.
        assertEquals(new Confusion(3, 2, 1, 10), Confusion.of(predicted, truth));
        SegmentationMetrics m = SegmentationMetrics.of(predicted, truth);
        assertEquals(1 - 6.0 / 9, m.diceLoss(), EPS);
        assertEquals(3.0 / 6, m.iou(), EPS);
        assertEquals(3.0 / 5, m.precision(), EPS);
        assertEquals(3.0 / 4, m.recall(), EPS);
        assertEquals(2 * 0.6 * 0.75 / 1.35, m.f1(), EPS);
        assertEquals(13.0 / 16, m.accuracy(), EPS);
    }

    @Test
    void perfectPrediction() {
        boolean[] truth = mask(
                ".XX.",
                ".XX.",
                ".X..",
                "....");
        assertEquals(new SegmentationMetrics(0, 1, 1, 1, 1, 1), SegmentationMetrics.of(truth.clone(), truth));
    }

    @Test
    void bothEmptyIsPerfect() {
        boolean[] empty = new boolean[16];
        assertEquals(new SegmentationMetrics(0, 1, 1, 1, 1, 1), SegmentationMetrics.of(empty, empty.clone()));
    }

    @Test
    void polypClaimedWhereThereIsNone() {
        boolean[] predicted = mask(
                "....",
                ".X..",
                "..X.",
                "....");
        // TP 0, FP 2, FN 0, TN 14: recall is 0 / 0, which counts as 0.
        SegmentationMetrics m = SegmentationMetrics.of(predicted, new boolean[16]);
        assertEquals(new SegmentationMetrics(1, 0, 0, 0, 0, 14.0 / 16), m);
    }

    @Test
    void polypMissedEntirely() {
        boolean[] truth = mask(
                "XXX.",
                "....",
                "....",
                "....");
        // TP 0, FP 0, FN 3, TN 13: precision is 0 / 0, which counts as 0.
        assertEquals(new SegmentationMetrics(1, 0, 0, 0, 0, 13.0 / 16), SegmentationMetrics.of(new boolean[16], truth));
    }

    @Test
    void disjointMasks() {
        boolean[] truth = mask(
                "XX..",
                "....",
                "....",
                "....");
        boolean[] predicted = mask(
                "....",
                "....",
                "....",
                "..XX");
        assertEquals(new SegmentationMetrics(1, 0, 0, 0, 0, 12.0 / 16), SegmentationMetrics.of(predicted, truth));
    }

    @Test
    void f1EqualsDiceOnRandomMasks() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            boolean[] a = new boolean[16];
            boolean[] b = new boolean[16];
            for (int i = 0; i < 16; i++) {
                a[i] = random.nextInt(4) == 0;
                b[i] = random.nextInt(4) == 0;
            }
            SegmentationMetrics m = SegmentationMetrics.of(a, b);
            assertEquals(1 - m.diceLoss(), m.f1(), 1e-12);
        }
    }

    @Test
    void foldScoreIsTheMeanOverImages() {
        SegmentationMetrics a = new SegmentationMetrics(0.2, 0.5, 0.8, 0.6, 1.0, 0.9);
        SegmentationMetrics b = new SegmentationMetrics(0.4, 0.3, 0.6, 0.4, 0.5, 0.7);
        assertArrayEquals(new double[]{0.3, 0.4, 0.7, 0.5, 0.75, 0.8},
                SegmentationMetrics.mean(List.of(a, b)).values(), EPS);
    }

    @Test
    void summaryOverFoldsHasMeanAndSampleStandardDeviation() {
        List<SegmentationMetrics> folds = List.of(
                new SegmentationMetrics(0.5, 0.5, 0.5, 0.5, 0.5, 0.5),
                new SegmentationMetrics(0.7, 0.5, 0.5, 0.5, 0.5, 0.5),
                new SegmentationMetrics(0.9, 0.5, 0.5, 0.5, 0.5, 0.5));
        SegmentationMetrics.FoldSummary summary = SegmentationMetrics.overFolds(folds);
        assertEquals(3, summary.folds());
        assertEquals(0.7, summary.mean().diceLoss(), EPS);
        // Deviations -0.2, 0, 0.2: sqrt(0.08 / 2) = 0.2.
        assertEquals(0.2, summary.standardDeviation().diceLoss(), EPS);
        assertEquals(0.0, summary.standardDeviation().iou(), EPS);
        assertEquals(0.0, SegmentationMetrics.overFolds(folds.subList(0, 1)).standardDeviation().diceLoss(), 0.0);
    }

    /** Rows of 'X' (polyp) and '.' (background), row-major. */
    private static boolean[] mask(String... rows) {
        String all = String.join("", rows);
        boolean[] mask = new boolean[all.length()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = all.charAt(i) == 'X';
        }
        return mask;
    }
}
