package org.singanseg.studio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.batch.BatchPair;

/** The k-fold split on plain data: no leak between the sides, fold sizes, determinism, refusals. */
class FoldSplitTest {

    @Test
    void noRealImageNorItsSyntheticPairsIsOnBothSidesInAnySetting() {
        List<SourceGroup> groups = groups(11, 3);
        List<FoldSplit.Fold> folds = FoldSplit.of(groups, 3, 4, 5);
        Set<String> tested = new HashSet<>();
        for (FoldSplit.Fold fold : folds) {
            Set<String> test = names(fold.test());
            assertTrue(tested.addAll(test) && tested.size() == countTested(folds, fold), "each pair tested once");
            Set<String> training = names(fold.training());
            assertTrue(Collections.disjoint(test, training), "fold " + fold.number());
            assertEquals(groups.size(), test.size() + training.size(), "every pair on one side");
            assertTrue(training.containsAll(names(fold.small())));
            assertEquals(4, fold.small().size());
            for (EvaluationSetting setting : EvaluationSetting.values()) {
                EvaluationRun run = setting.run(fold, 1);
                List<String> testImages = run.test().stream().map(p -> p.image().toString()).toList();
                assertEquals(test.size(), testImages.size());
                for (BatchPair real : run.trainingReal()) {
                    assertTrue(!testImages.contains(real.image().toString()), setting + " trains on a test image");
                }
                for (SyntheticPair synthetic : run.trainingSynthetic()) {
                    assertTrue(!testImages.contains(synthetic.sourceImage()), setting + " trains on a pair made "
                            + "from test image " + synthetic.sourceImage());
                }
            }
        }
        assertEquals(names(groups), tested, "every pair is tested in some fold");
    }

    @Test
    void eachSettingTrainsOnWhatItsNameSays() {
        FoldSplit.Fold fold = FoldSplit.of(groups(6, 2), 3, 2, 1).get(0);
        assertEquals(List.of(4, 0), counts(EvaluationSetting.REAL_ONLY.run(fold, 1)));
        assertEquals(List.of(0, 8), counts(EvaluationSetting.SYNTHETIC_ONLY.run(fold, 1)));
        assertEquals(List.of(4, 8), counts(EvaluationSetting.REAL_AND_SYNTHETIC.run(fold, 1)));
        assertEquals(List.of(2, 0), counts(EvaluationSetting.SMALL_REAL.run(fold, 1)));
        EvaluationRun small = EvaluationSetting.SMALL_REAL_AND_SYNTHETIC.run(fold, 1);
        assertEquals(List.of(2, 4), counts(small));
        Set<String> smallImages = new HashSet<>(small.trainingReal().stream().map(p -> p.image().toString()).toList());
        assertTrue(small.trainingSynthetic().stream().allMatch(s -> smallImages.contains(s.sourceImage())),
                "the synthetic pairs of the small setting are those made from its n real images");
        assertEquals("2 real + synthetic", EvaluationSetting.SMALL_REAL_AND_SYNTHETIC.label(2));
        assertEquals("synthetic only", EvaluationSetting.SYNTHETIC_ONLY.label(2));
    }

    @Test
    void foldSizesDifferByAtMostOne() {
        assertEquals(List.of(3, 4, 4), testSizes(11, 3));
        assertEquals(List.of(3, 4), testSizes(7, 2));
        assertEquals(List.of(2, 2, 2, 2, 2), testSizes(10, 5));
        assertEquals(List.of(1, 1, 1), testSizes(3, 3));
    }

    @Test
    void theSameSeedGivesTheSameFoldsWhateverTheInputOrder() {
        List<SourceGroup> groups = groups(12, 1);
        List<SourceGroup> reversed = new ArrayList<>(groups);
        Collections.reverse(reversed);
        assertEquals(FoldSplit.of(groups, 3, 3, 9), FoldSplit.of(reversed, 3, 3, 9));
        assertNotEquals(FoldSplit.of(groups, 3, 3, 9), FoldSplit.of(groups, 3, 3, 10));
    }

    @Test
    void refusesTooFewPairsAndTooLargeSmallData() {
        IllegalArgumentException fewPairs = assertThrows(IllegalArgumentException.class,
                () -> FoldSplit.of(groups(2, 1), 3, 1, 1));
        assertTrue(fewPairs.getMessage().contains("got 2 real pairs"), fewPairs.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> FoldSplit.of(groups(7, 1), 3, 5, 1));
        assertTrue(small.getMessage().contains("takes 5 real pairs") && small.getMessage().contains("as few as 4"),
                small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FoldSplit.of(groups(7, 1), 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> FoldSplit.of(groups(7, 1), 3, 0, 1));
    }

    /** n real pairs r01, r02, ... with {@code synthetic} synthetic pairs each. */
    static List<SourceGroup> groups(int n, int synthetic) {
        List<SourceGroup> groups = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = String.format("r%02d", i);
            BatchPair real = new BatchPair(name, Path.of(name + ".jpg"), Path.of(name + "_mask.png"));
            List<SyntheticPair> made = IntStream.rangeClosed(1, synthetic).mapToObj(k -> new SyntheticPair(
                    Path.of(name + "_000" + k + ".png"), Path.of("masks", name + "_000" + k + ".png"), name + ".jpg",
                    "sha", 0.1)).toList();
            groups.add(new SourceGroup(real, made));
        }
        return groups;
    }

    private static Set<String> names(List<SourceGroup> groups) {
        return new HashSet<>(groups.stream().map(SourceGroup::name).toList());
    }

    private static int countTested(List<FoldSplit.Fold> folds, FoldSplit.Fold upTo) {
        return folds.subList(0, upTo.number()).stream().mapToInt(f -> f.test().size()).sum();
    }

    private static List<Integer> counts(EvaluationRun run) {
        return List.of(run.trainingReal().size(), run.trainingSynthetic().size());
    }

    private static List<Integer> testSizes(int pairs, int folds) {
        return FoldSplit.of(groups(pairs, 1), folds, 1, 3).stream().map(f -> f.test().size()).sorted().toList();
    }
}
