package org.singanseg.studio.core.eval;

import static org.singanseg.studio.core.io.CsvTable.decimal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.seg.SegmentationMetrics;
import org.singanseg.studio.core.seg.SegmentationSettings;

/**
 * {@code evaluation.csv}: for each setting, one row per fold (its scores, the pairs it trained and
 * was tested on, the seconds it took), then a {@code mean} and a {@code std} row (sample standard
 * deviation over the folds) whose count and time cells are empty. Every row carries the seeds and
 * the network's size and epochs, so a row says how to repeat it. Written atomically.
 */
public final class EvaluationCsv {
    public static final String MEAN = "mean";
    public static final String STD = "std";
    public static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("setting", "fold", "train_real", "train_synthetic", "test_real"));
        columns.addAll(SegmentationMetrics.NAMES);
        columns.addAll(List.of("seconds", "split_seed", "unet_seed", "size", "epochs"));
        COLUMNS = List.copyOf(columns);
    }

    private EvaluationCsv() {
    }

    public static void write(Path file, EvaluationResult result) throws IOException {
        byte[] bytes = table(result).bytes();
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static CsvTable table(EvaluationResult result) {
        CsvTable csv = new CsvTable(COLUMNS);
        for (EvaluationSetting setting : result.settings()) {
            for (RunResult run : result.runs(setting)) {
                csv.row(row(result, setting, Integer.toString(run.fold()), List.of(Integer.toString(run.trainingReal()),
                        Integer.toString(run.trainingSynthetic()), Integer.toString(run.test())), run.metrics(),
                        decimal(run.seconds())));
            }
            SegmentationMetrics.FoldSummary summary = result.summary(setting);
            csv.row(row(result, setting, MEAN, List.of("", "", ""), summary.mean(), ""));
            csv.row(row(result, setting, STD, List.of("", "", ""), summary.standardDeviation(), ""));
        }
        return csv;
    }

    private static List<String> row(EvaluationResult result, EvaluationSetting setting, String fold, List<String> counts,
                                    SegmentationMetrics metrics, String seconds) {
        SegmentationSettings segmentation = result.options().segmentation();
        List<String> cells = new ArrayList<>(List.of(setting.id(), fold));
        cells.addAll(counts);
        for (double value : metrics.values()) {
            cells.add(decimal(value));
        }
        cells.addAll(List.of(seconds, Long.toString(result.options().splitSeed()), Long.toString(segmentation.seed()),
                Integer.toString(segmentation.size()), Integer.toString(segmentation.epochs())));
        return cells;
    }
}
