package org.singanseg.studio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.batch.BatchManifest;
import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.seg.SegmentationModel;
import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.testing.EvaluationFolders;

/** A held-out evaluation: draws of n real pairs, tested on a test folder that shares no image with training. */
class HeldOutEvaluationTest {
    private static final EvaluationOptions TINY = EvaluationOptions.defaults().withSmallN(2).withDraws(2)
            .withSplitSeed(5)
            .withSegmentation(new SegmentationSettings(32, SegmentationModel.UNET, 2, 4, 2, 2, 3e-3, true, 5))
            .withMinMaskCoverage(0);

    @TempDir
    Path dir;
    private EvaluationFolders.Folders folders;
    private Path test;

    @BeforeEach
    void folders() throws Exception {
        folders = EvaluationFolders.create(dir, 4, 3);
        test = EvaluationFolders.testFolder(dir, folders, 3);
    }

    private EvaluationData data(double minCoverage) throws Exception {
        return EvaluationData.find(folders.real(), folders.synthetic(), test, minCoverage);
    }

    @Test
    void drawsAreDisjointAndNoTestImageIsInAnyTrainingSet() throws Exception {
        EvaluationPlan plan = EvaluationPlan.of(data(0), TINY);
        assertEquals(2, plan.folds().size());
        assertEquals(4, plan.runs().size(), "2 draws x (n real, n real + synthetic)");
        Set<String> drawn = new HashSet<>();
        for (FoldSplit.Fold draw : plan.folds()) {
            assertEquals(2, draw.small().size());
            draw.small().forEach(g -> assertTrue(drawn.add(g.name()), "drawn twice: " + g.name()));
        }
        Set<String> testHashes = new HashSet<>();
        for (Path image : Files.list(test.resolve("images")).toList()) {
            testHashes.add(FileHash.sha256(image));
        }
        for (EvaluationRun run : plan.runs()) {
            assertEquals(3, run.test().size());
            Stream<Path> training = Stream.concat(run.trainingReal().stream().map(BatchPair::image),
                    run.trainingSynthetic().stream().map(SyntheticPair::image));
            for (Path image : training.toList()) {
                assertFalse(testHashes.contains(FileHash.sha256(image)), image + " is a test image");
            }
            assertEquals(run.setting() == EvaluationSetting.SMALL_REAL_AND_SYNTHETIC ? 6 : 0,
                    run.trainingSynthetic().size());
        }
    }

    @Test
    void theStepBudgetGivesEveryModelTheSameStepsAndTheEpochBudgetDoesNot() throws Exception {
        EvaluationPlan steps = EvaluationPlan.of(data(0), TINY.withBudget(TrainingBudget.STEPS));
        // Largest training set: 2 real + 6 synthetic = 8 pairs, batches of 2, 2 epochs: 8 steps.
        assertEquals(List.of(8), steps.runs().stream().map(steps::steps).distinct().toList());
        EvaluationPlan epochs = EvaluationPlan.of(data(0), TINY.withBudget(TrainingBudget.EPOCHS));
        assertEquals(List.of(2, 8, 2, 8), epochs.runs().stream().map(epochs::steps).toList());

        EvaluationResult result = new Evaluation(steps, new EvaluationListener() { }, () -> false).run();
        assertTrue(result.heldOut());
        assertTrue(result.runs().stream().allMatch(r -> r.steps() == 8 && r.test() == 3), result.runs().toString());
        assertEquals(List.of("t1", "t2", "t3"), result.runs().get(0).images().stream()
                .map(RunResult.ImageScore::name).toList());
        List<SyntheticGain> headline = SyntheticGain.headline(result);
        assertEquals(2, headline.size());
        assertEquals(3, headline.get(0).testImages());
        assertEquals(2, headline.get(0).draws());
        assertTrue(EvaluationSummary.text(result).contains("2 draws of 2 real pairs from 4 with synthetic pairs"),
                EvaluationSummary.text(result));
        // The summary names each draw's real pairs, as the plan drew them.
        List<String> expected = steps.folds().stream().map(draw -> "Draw " + draw.number() + ": "
                + String.join(", ", draw.small().stream().map(SourceGroup::name).sorted().toList()) + ".").toList();
        assertEquals(expected, EvaluationSummary.smallDataPairs(result));
        assertTrue(EvaluationSummary.text(result).contains(expected.get(1)), EvaluationSummary.text(result));
        assertTrue(result.runs().stream().allMatch(r -> r.trainingReal() == 2), result.runs().toString());
    }

    @Test
    void theBudgetBothTrainsTheModelsWithSyntheticPairsOnceAndAnswersAsTheTwoBudgetsDo() throws Exception {
        EvaluationPlan both = EvaluationPlan.of(data(0), TINY.withBudget(TrainingBudget.BOTH));
        assertEquals(List.of(EvaluationSetting.SMALL_REAL, EvaluationSetting.SMALL_REAL_OWN_EPOCHS,
                EvaluationSetting.SMALL_REAL_AND_SYNTHETIC, EvaluationSetting.SMALL_REAL,
                EvaluationSetting.SMALL_REAL_OWN_EPOCHS, EvaluationSetting.SMALL_REAL_AND_SYNTHETIC),
                both.runs().stream().map(EvaluationRun::setting).toList());
        // 2 real pairs alone: 8 steps as with synthetic pairs, and 2 for their own 2 epochs.
        assertEquals(List.of(8, 2, 8, 8, 2, 8), both.runs().stream().map(both::steps).toList());

        EvaluationResult together = new Evaluation(both, new EvaluationListener() { }, () -> false).run();
        List<SyntheticGain> headline = SyntheticGain.headline(together);
        assertEquals(List.of(TrainingBudget.STEPS, TrainingBudget.STEPS, TrainingBudget.EPOCHS, TrainingBudget.EPOCHS),
                headline.stream().map(SyntheticGain::budget).toList());
        assertTrue(headline.get(0).sentence().startsWith("Budget steps: Adding 6 synthetic pairs"),
                headline.get(0).sentence());
        assertTrue(headline.get(2).sentence().startsWith("Budget epochs: Adding 6 synthetic pairs"),
                headline.get(2).sentence());
        // The same models as two separate runs give, so the same answers.
        for (TrainingBudget budget : List.of(TrainingBudget.STEPS, TrainingBudget.EPOCHS)) {
            EvaluationResult alone = new Evaluation(EvaluationPlan.of(data(0), TINY.withBudget(budget)),
                    new EvaluationListener() { }, () -> false).run();
            List<SyntheticGain> expected = SyntheticGain.headline(alone);
            List<SyntheticGain> answered = headline.stream().filter(g -> g.budget() == budget).toList();
            for (int i = 0; i < 2; i++) {
                assertEquals(expected.get(i).without(), answered.get(i).without(), 1e-12, budget + " " + i);
                assertEquals(expected.get(i).with(), answered.get(i).with(), 1e-12, budget + " " + i);
                assertEquals(expected.get(i).relativeLow(), answered.get(i).relativeLow(), 1e-12, budget + " " + i);
                assertFalse(expected.get(i).sentence().startsWith("Budget"), expected.get(i).sentence());
            }
        }
        assertTrue(EvaluationSummary.protocol(together).contains("budget both"), EvaluationSummary.protocol(together));

        EvaluationData crossValidation = EvaluationData.find(folders.real(), folders.synthetic(), null, 0);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EvaluationPlan.of(crossValidation, TINY.withBudget(TrainingBudget.BOTH)));
        assertTrue(refused.getMessage().contains("needs a held-out test set"), refused.getMessage());
    }

    @Test
    void everyDrawTrainsEachSettingOncePerUnetSeedWithSeedsTheSettingsShare() throws Exception {
        EvaluationPlan plan = EvaluationPlan.of(data(0), TINY.withModelSeeds(3));
        assertEquals(12, plan.runs().size(), "2 draws x 3 seeds x (n real, n real + synthetic)");
        // TINY's U-Net seed is 5: draw k's seeds are 5 + k - 1, then 1000 apart.
        for (EvaluationSetting setting : List.of(EvaluationSetting.SMALL_REAL,
                EvaluationSetting.SMALL_REAL_AND_SYNTHETIC)) {
            assertEquals(List.of(5L, 1005L, 2005L, 6L, 1006L, 2006L), plan.runs().stream()
                    .filter(r -> r.setting() == setting).map(EvaluationRun::unetSeed).toList());
        }
        for (EvaluationRun run : plan.runs()) {
            assertEquals(run.unetSeed(), plan.segmentation(run).seed());
        }
        assertEquals(List.of(5L, 6L), EvaluationPlan.of(data(0), TINY).runs().stream()
                .map(EvaluationRun::unetSeed).distinct().toList(), "one seed per draw: as before there were several");
        assertEquals("2, seed 1006", plan.options().modelName(2, 1006));
        assertEquals("2", TINY.modelName(2, 6));
        assertThrows(IllegalArgumentException.class, () -> TINY.withModelSeeds(0).validated());
    }

    @Test
    void syntheticPairsWithNearlyEmptyMasksAreLeftOutAndCounted() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        int coverage = BatchManifest.COLUMNS.indexOf("mask_coverage");
        rows.get(1).set(coverage, "0.004");
        rows.get(2).set(coverage, "0");
        EvaluationFolders.writeManifest(folders, rows);
        EvaluationData data = data(0.01);
        assertEquals(2, data.droppedSynthetic());
        assertEquals(12 - 2, data.syntheticPairs());
        assertEquals(0, data(0).droppedSynthetic());
    }

    @Test
    void forASmallRealPolypTheFloorIsHalfItsMaskShare() throws Exception {
        // p1's real polyp covers 0.6% of its frame: a 1% floor would drop every faithful sample of
        // it, so its floor is 0.3%.
        Path realMask = folders.realMasks().resolve("p1.jpg");
        Planes frame = ImageFiles.read(realMask);
        boolean[] small = new boolean[frame.width() * frame.height()];
        int inside = (int) Math.round(0.006 * small.length);
        for (int i = 0; i < inside; i++) {
            small[i] = true;
        }
        Files.delete(realMask);
        PngFiles.write(PngFiles.mask(small, frame.width(), frame.height()), folders.realMasks().resolve("p1.png"));
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        int source = BatchManifest.COLUMNS.indexOf("source_image");
        int coverage = BatchManifest.COLUMNS.indexOf("mask_coverage");
        List<List<String>> ofP1 = rows.subList(1, rows.size()).stream().filter(r -> r.get(source).equals("p1.jpg"))
                .toList();
        ofP1.get(0).set(coverage, "0.004");
        ofP1.get(1).set(coverage, "0.002");
        rows.subList(1, rows.size()).stream().filter(r -> r.get(source).equals("p2.jpg")).findFirst().orElseThrow()
                .set(coverage, "0.004");
        EvaluationFolders.writeManifest(folders, rows);
        EvaluationData data = data(0.01);
        assertEquals(2, data.droppedSynthetic(), "p1's 0.2% and p2's 0.4% (p2's polyp is large) are left out");
        assertEquals(2, data.groups().stream().filter(g -> g.name().equals("p1")).findFirst().orElseThrow()
                .synthetic().size(), "p1 keeps its 0.4% pair");
    }

    @Test
    void refusesTestImagesThatAreTrainingImages() throws Exception {
        Files.copy(folders.realImages().resolve("p2.jpg"), test.resolve("images/copy.jpg"));
        Files.copy(folders.realMasks().resolve("p2.jpg"), test.resolve("masks/copy.jpg"));
        String message = assertThrows(InvalidInputException.class, () -> data(0)).getMessage();
        assertTrue(message.contains("1 test image(s) of " + test + " are also training images: copy.jpg (the same "
                + "file as the real image"), message);

        Files.delete(test.resolve("images/copy.jpg"));
        Files.delete(test.resolve("masks/copy.jpg"));
        Path synthetic = folders.synthetic().resolve("images/p1_0001.png");
        Files.copy(synthetic, test.resolve("images/s.png"));
        Files.copy(synthetic, test.resolve("masks/s.png"));
        message = assertThrows(InvalidInputException.class, () -> data(0)).getMessage();
        assertTrue(message.contains("s.png (the same file as the synthetic image"), message);
    }

    @Test
    void refusesAnEmptyTestFolderAndDrawsThatTheRealPairsCannotFill() throws Exception {
        String tooMany = assertThrows(IllegalArgumentException.class,
                () -> EvaluationPlan.of(data(0), TINY.withDraws(3))).getMessage();
        assertTrue(tooMany.startsWith("3 draws of 2 real pairs need 6 real pairs with synthetic pairs (no two draws "
                + "share one), and there are 4."), tooMany);

        for (Path file : Files.list(test.resolve("images")).toList()) {
            Files.delete(file);
        }
        String empty = assertThrows(InvalidInputException.class, () -> data(0)).getMessage();
        assertTrue(empty.startsWith("No image in " + test.resolve("images") + " has a mask"), empty);
    }

    @Test
    void realPairsWithoutSyntheticPairsAreNotDrawn() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        int source = BatchManifest.COLUMNS.indexOf("source_image");
        rows.removeIf(r -> r.get(source).equals("p4.jpg"));
        EvaluationFolders.writeManifest(folders, rows);
        EvaluationData data = data(0);
        assertEquals(1, data.withoutSynthetic());
        assertEquals(3, data.realPairs());
        assertTrue(data.groups().stream().noneMatch(g -> g.name().equals("p4")));
    }
}
