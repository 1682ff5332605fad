package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The k-fold split of a cross-validation. The groups are put in name order, shuffled with the
 * seed and cut into k folds whose sizes differ by at most one; fold i tests on its own groups and
 * trains on all the others. A {@link SourceGroup} is a real pair with the synthetic pairs made
 * from it, so no real image, nor any synthetic pair made from it, is ever on both sides.
 *
 * <p>Each fold also draws its small-data groups: n of its training groups, shuffled with the seed
 * and the fold's number, so that the folds draw independently and every run draws the same.
 *
 * <p>A held-out evaluation has draws instead of folds ({@link #draws}): the groups shuffled with the
 * seed and cut into blocks of n, block r being draw r, so that no two draws share a real image;
 * every draw is tested on the same held-out test pairs, which are no group's.
 */
public final class FoldSplit {

    /**
     * One fold; all lists in name order.
     *
     * @param number   1-based
     * @param training every group not in {@code test}
     * @param small    n groups of {@code training}, for the small-data settings
     */
    public record Fold(int number, List<SourceGroup> training, List<SourceGroup> test, List<SourceGroup> small) {
        public Fold {
            training = List.copyOf(training);
            test = List.copyOf(test);
            small = List.copyOf(small);
        }
    }

    private FoldSplit() {
    }

    /** @throws IllegalArgumentException when a fold would have no test pair or fewer than n training pairs */
    public static List<Fold> of(List<SourceGroup> groups, int folds, int smallN, long seed) {
        int n = groups.size();
        if (folds < 2 || n < folds) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d-fold cross-validation needs at least "
                    + "2 folds and at least as many real pairs as folds (each fold tests on its own), got %d real "
                    + "pair%s. Use fewer folds or more real pairs.", folds, n, n == 1 ? "" : "s"));
        }
        int fewestTraining = n - (n + folds - 1) / folds;
        if (smallN < 1 || smallN > fewestTraining) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The small-data setting takes %d real "
                    + "pairs, but with %d real pairs in %d folds a fold trains on as few as %d. Use a small-data size "
                    + "from 1 to %d, or more real pairs.", smallN, n, folds, fewestTraining, fewestTraining));
        }
        List<SourceGroup> shuffled = byName(groups);
        Collections.shuffle(shuffled, new Random(seed));
        List<Fold> result = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int from = f * n / folds;
            int to = (f + 1) * n / folds;
            List<SourceGroup> test = shuffled.subList(from, to);
            List<SourceGroup> training = new ArrayList<>(shuffled.subList(0, from));
            training.addAll(shuffled.subList(to, n));
            List<SourceGroup> small = byName(training);
            Collections.shuffle(small, new Random(seed * 31 + f + 1));
            result.add(new Fold(f + 1, byName(training), byName(test), byName(small.subList(0, smallN))));
        }
        return result;
    }

    /**
     * @param test the held-out test pairs, as groups without synthetic pairs
     * @throws IllegalArgumentException when the groups cannot fill the draws
     */
    public static List<Fold> draws(List<SourceGroup> groups, int draws, int smallN, long seed, List<SourceGroup> test) {
        if (smallN < 1 || draws < 1 || (long) draws * smallN > groups.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d draw%s of %d real pair%s need%s %d real "
                    + "pairs with synthetic pairs (no two draws share one), and there %s %d. Use fewer draws or a "
                    + "smaller n, or make synthetic pairs from more real images.", draws, draws == 1 ? "" : "s", smallN,
                    smallN == 1 ? "" : "s", draws == 1 ? "s" : "", (long) draws * smallN,
                    groups.size() == 1 ? "is" : "are", groups.size()));
        }
        List<SourceGroup> shuffled = byName(groups);
        Collections.shuffle(shuffled, new Random(seed));
        List<Fold> result = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            List<SourceGroup> drawn = byName(shuffled.subList(d * smallN, (d + 1) * smallN));
            result.add(new Fold(d + 1, drawn, test, drawn));
        }
        return result;
    }

    private static List<SourceGroup> byName(List<SourceGroup> groups) {
        List<SourceGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing(SourceGroup::name));
        return sorted;
    }
}
