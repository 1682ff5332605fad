package org.singanseg.studio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.seg.SegmentationMetrics;
import org.singanseg.studio.core.seg.SegmentationModel;
import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.testing.EvaluationFolders;

/**
 * A tiny evaluation end to end (4 real PolypGen pairs with 2 mirrored "synthetic" pairs each,
 * 2 folds, 32 px, a small U-Net, 2 epochs): every setting of every fold trains and is scored,
 * the listener hears it in order, and evaluation.csv is complete. No quality is asserted.
 */
class EvaluationTest {
    private static final EvaluationOptions TINY = EvaluationOptions.defaults().withFolds(2).withSmallN(2)
            .withSplitSeed(11)
            .withSegmentation(new SegmentationSettings(32, SegmentationModel.UNET, 2, 4, 4, 2, 3e-3, true, 5))
            .withBudget(TrainingBudget.EPOCHS).withMinMaskCoverage(0);

    @TempDir
    Path dir;
    private EvaluationPlan plan;

    @BeforeEach
    void plan() throws Exception {
        EvaluationFolders.Folders folders = EvaluationFolders.create(dir, 4, 2);
        plan = EvaluationPlan.of(EvaluationData.find(folders.real(), folders.synthetic(), null, 0), TINY);
    }

    @Test
    void everySettingOfEveryFoldIsTrainedScoredAndWritten() throws Exception {
        List<String> events = new ArrayList<>();
        EvaluationResult result = new Evaluation(plan, new EvaluationListener() {
            @Override
            public void pairsLoaded(int done, int total) {
                events.add("loaded " + done + "/" + total);
            }

            @Override
            public void runStarted(EvaluationRun run, int number, int total) {
                events.add("start " + number + "/" + total + " " + run.setting().id() + " " + run.fold());
            }

            @Override
            public void epochFinished(EvaluationRun run, int epoch, int epochs, double loss) {
                events.add("epoch " + epoch + "/" + epochs);
            }

            @Override
            public void runFinished(RunResult r, int number, int total) {
                events.add("end " + number + "/" + total);
            }
        }, () -> false).run();

        assertEquals("loaded 12/12", events.get(11));
        assertEquals(List.of("start 1/10 real_only 1", "epoch 1/2", "epoch 2/2", "end 1/10",
                "start 2/10 synthetic_only 1"), events.subList(12, 17));
        assertEquals("end 10/10", events.get(events.size() - 1));
        assertEquals(12 + 10 * 4, events.size());

        assertEquals(10, result.runs().size());
        List<EvaluationSetting> crossValidated = List.of(EvaluationSetting.REAL_ONLY, EvaluationSetting.SYNTHETIC_ONLY,
                EvaluationSetting.REAL_AND_SYNTHETIC, EvaluationSetting.SMALL_REAL,
                EvaluationSetting.SMALL_REAL_AND_SYNTHETIC);
        assertEquals(crossValidated, result.settings());
        for (RunResult run : result.runs()) {
            assertEquals(2, run.test());
            int[] expected = switch (run.setting()) {
                case REAL_ONLY, SMALL_REAL, SMALL_REAL_OWN_EPOCHS -> new int[]{2, 0};
                case SYNTHETIC_ONLY -> new int[]{0, 4};
                case REAL_AND_SYNTHETIC, SMALL_REAL_AND_SYNTHETIC -> new int[]{2, 4};
            };
            assertEquals(expected[0], run.trainingReal(), run.toString());
            assertEquals(expected[1], run.trainingSynthetic(), run.toString());
            for (double value : run.metrics().values()) {
                assertTrue(value >= 0 && value <= 1, run.toString());
            }
        }

        Path csvFile = dir.resolve("out/evaluation.csv");
        EvaluationCsv.write(csvFile, result);
        List<List<String>> rows = CsvTable.parse(Files.readString(csvFile));
        assertEquals(EvaluationCsv.COLUMNS, rows.get(0));
        assertEquals(1 + 5 * 4, rows.size(), "2 folds, mean and std for each of 5 settings");
        int setting = EvaluationCsv.COLUMNS.indexOf("setting");
        int fold = EvaluationCsv.COLUMNS.indexOf("fold");
        int iou = EvaluationCsv.COLUMNS.indexOf("iou");
        for (int s = 0; s < 5; s++) {
            List<List<String>> block = rows.subList(1 + 4 * s, 5 + 4 * s);
            assertEquals(List.of("1", "2", "mean", "std"), block.stream().map(r -> r.get(fold)).toList());
            String id = crossValidated.get(s).id();
            assertTrue(block.stream().allMatch(r -> r.get(setting).equals(id)), id);
            double mean = (Double.parseDouble(block.get(0).get(iou)) + Double.parseDouble(block.get(1).get(iou))) / 2;
            assertEquals(mean, Double.parseDouble(block.get(2).get(iou)), 2e-6);
            for (List<String> row : block) {
                for (String metric : SegmentationMetrics.NAMES) {
                    double value = Double.parseDouble(row.get(EvaluationCsv.COLUMNS.indexOf(metric)));
                    assertTrue(value >= 0 && value <= 1, metric + " in " + row);
                }
                assertEquals(List.of("11", "5", "32", "2", "epochs", "unet"), row.subList(row.size() - 6, row.size()));
            }
        }
        assertEquals(List.of("real_only", "1", "5", "2", "0", "2"), rows.get(1).subList(0, 6));
        assertEquals("6", rows.get(2).get(2), "fold 2's model seed");
        assertEquals(List.of("", "", "", ""), rows.get(3).subList(2, 6), "no seed or counts on the mean row");
    }

    @Test
    void cancellingStopsBetweenSteps() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<RunResult> finished = new ArrayList<>();
        Evaluation evaluation = new Evaluation(plan, new EvaluationListener() {
            @Override
            public void runFinished(RunResult result, int number, int total) {
                finished.add(result);
                cancel.set(true);
            }
        }, cancel::get);
        assertThrows(CancellationException.class, evaluation::run);
        assertEquals(1, finished.size());
    }
}
