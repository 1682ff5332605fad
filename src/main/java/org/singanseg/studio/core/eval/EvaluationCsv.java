package org.singanseg.studio.core.eval;

import static org.singanseg.studio.core.io.CsvTable.decimal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.seg.SegmentationMetrics;
import org.singanseg.studio.core.seg.SegmentationSettings;

/**
 * The files of an evaluation, each written atomically:
 * <ul>
 *   <li>{@code evaluation.csv}: for each setting, one row per model, that is per fold or draw and
 *   U-Net seed (its model seed, its scores, the pairs it trained and was tested on, its steps and
 *   the seconds it took), then a {@code mean} and a {@code std} row (sample standard deviation over
 *   the folds or draws, each the mean of its seeds) whose seed, count and time cells are empty.
 *   Every row carries the seeds, the network's size, epochs, the training budget and the
 *   segmentation model ({@code unet} or {@code unetpp}), so a row says how to repeat it.</li>
 *   <li>{@code evaluation-images.csv}: every model's score on every test image, from which the
 *   headline's bootstrap can be checked.</li>
 *   <li>{@code evaluation-summary.txt}: how it ran and the headline ({@link SyntheticGain}).</li>
 * </ul>
 */
public final class EvaluationCsv {
    public static final String MEAN = "mean";
    public static final String STD = "std";
    public static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("setting", "fold", "model_seed", "train_real", "train_synthetic",
                "test_real"));
        columns.addAll(SegmentationMetrics.NAMES);
        columns.addAll(List.of("steps", "seconds", "split_seed", "unet_seed", "size", "epochs", "budget",
                "model"));
        COLUMNS = List.copyOf(columns);
    }

    private EvaluationCsv() {
    }

    public static final List<String> IMAGE_COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("setting", "fold", "model_seed", "test_image"));
        columns.addAll(SegmentationMetrics.NAMES);
        columns.addAll(List.of("polyp_share", "predicted_share"));
        IMAGE_COLUMNS = List.copyOf(columns);
    }

    /** Writes the three files; {@code file} names the first, the others sit beside it. */
    public static void write(Path file, EvaluationResult result) throws IOException {
        writeBytes(file, table(result).bytes());
        writeBytes(imagesFile(file), imageTable(result).bytes());
        writeBytes(summaryFile(file), EvaluationSummary.text(result).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code NAME-images.csv} beside {@code NAME.csv}. */
    public static Path imagesFile(Path file) {
        return sibling(file, "-images.csv");
    }

    /** {@code NAME-summary.txt} beside {@code NAME.csv}. */
    public static Path summaryFile(Path file) {
        return sibling(file, "-summary.txt");
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + suffix);
    }

    private static void writeBytes(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static CsvTable imageTable(EvaluationResult result) {
        CsvTable csv = new CsvTable(IMAGE_COLUMNS);
        for (RunResult run : result.runs()) {
            for (RunResult.ImageScore image : run.images()) {
                List<String> cells = new ArrayList<>(List.of(run.setting().id(), Integer.toString(run.fold()),
                        Long.toString(run.unetSeed()), image.name()));
                for (double value : image.metrics().values()) {
                    cells.add(decimal(value));
                }
                cells.add(decimal(image.polypShare()));
                cells.add(decimal(image.predictedShare()));
                csv.row(cells);
            }
        }
        return csv;
    }

    static CsvTable table(EvaluationResult result) {
        CsvTable csv = new CsvTable(COLUMNS);
        for (EvaluationSetting setting : result.settings()) {
            for (RunResult run : result.runs(setting)) {
                csv.row(row(result, setting, Integer.toString(run.fold()), List.of(Long.toString(run.unetSeed()),
                        Integer.toString(run.trainingReal()), Integer.toString(run.trainingSynthetic()),
                        Integer.toString(run.test())), run.metrics(), List.of(Integer.toString(run.steps()),
                        decimal(run.seconds()))));
            }
            SegmentationMetrics.FoldSummary summary = result.summary(setting);
            csv.row(row(result, setting, MEAN, List.of("", "", "", ""), summary.mean(), List.of("", "")));
            csv.row(row(result, setting, STD, List.of("", "", "", ""), summary.standardDeviation(), List.of("", "")));
        }
        return csv;
    }

    private static List<String> row(EvaluationResult result, EvaluationSetting setting, String fold, List<String> counts,
                                    SegmentationMetrics metrics, List<String> stepsAndSeconds) {
        SegmentationSettings segmentation = result.options().segmentation();
        List<String> cells = new ArrayList<>(List.of(setting.id(), fold));
        cells.addAll(counts);
        for (double value : metrics.values()) {
            cells.add(decimal(value));
        }
        cells.addAll(stepsAndSeconds);
        cells.addAll(List.of(Long.toString(result.options().splitSeed()), Long.toString(segmentation.seed()),
                Integer.toString(segmentation.size()), Integer.toString(segmentation.epochs()),
                result.options().budget().id(), segmentation.model().id()));
        return cells;
    }
}
