package org.singanseg.studio.core.samples;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.CsvLog;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.mask.MaskRaster;

/**
 * The output folder of {@code generate}, in the Kvasir-SEG layout segmentation loaders read:
 * {@code images/NNNN.png} (8-bit RGB), {@code masks/NNNN.png} (8-bit grey, 0 = background,
 * 255 = polyp) and {@code manifest.csv}, a row appended as soon as its pair is on disk. So a run
 * killed, interrupted or stopped by a full disk leaves every finished pair listed, and the same
 * command again goes on from there: the pairs listed (with both files present) are kept, the
 * others made; a folder begun with other settings is refused rather than mixed. {@code start_scale}
 * is the run's; a pair's {@code draw} says which {@link MaskFloor} draw it is, and so whether it was
 * drawn one start scale higher. Files are found
 * by their index, never by a name the listing gives (the folder may come from someone else).
 */
public final class GenerateFolder implements Closeable {
    public static final String MANIFEST = "manifest.csv";
    private static final String IMAGES = "images";
    private static final String MASKS = "masks";
    private static final List<String> COLUMNS = List.of("index", "image", "mask", "seed", "draw", "start_scale",
            "scale_h", "scale_v", "min_mask_coverage", "width", "height", "mask_coverage", "mask_regions", "model",
            "source_image", "source_sha256");
    private static final List<String> SETTINGS = List.of("seed", "start_scale", "scale_h", "scale_v",
            "min_mask_coverage", "model");

    /** How the pairs of a run are drawn; a folder holds the pairs of one run. */
    public record Run(long seed, int startScale, double scaleH, double scaleV, MaskFloor maskFloor, String model) {
        List<String> cells() {
            return List.of(Long.toString(seed), Integer.toString(startScale), fixed(scaleH), fixed(scaleV),
                    fixed(maskFloor.minCoverage()), model);
        }
    }

    private final Path folder;
    private final CsvLog log;

    private GenerateFolder(Path folder, CsvLog log) {
        this.folder = folder;
        this.log = log;
    }

    /** The folder as it is (it may not exist yet); nothing is written until {@link #start}. */
    public static GenerateFolder open(Path folder) throws IOException, InvalidInputException {
        CsvLog log = CsvLog.open(folder.resolve(MANIFEST), COLUMNS);
        if (!log.header().equals(COLUMNS)) {
            throw new InvalidInputException(folder.resolve(MANIFEST) + " is not the list of a generate folder (its "
                    + "columns differ). Choose another folder.");
        }
        return new GenerateFolder(folder, log);
    }

    public Path folder() {
        return folder;
    }

    /** The seed of the pairs listed already, for a rerun without a seed; null when there are none. */
    public Long listedSeed() {
        return log.rows().isEmpty() ? null : seed(log.rows().get(0));
    }

    /** Refuses to add pairs of another run to the pairs listed already. */
    public void checkSameRun(Run run) throws InvalidInputException {
        List<String> now = run.cells();
        for (List<String> row : log.rows()) {
            List<String> then = SETTINGS.stream().map(column -> cell(row, column)).toList();
            if (!then.equals(now)) {
                throw new InvalidInputException(folder + " already holds pairs made with other settings (seed "
                        + then.get(0) + ", start scale " + then.get(1) + ", size x" + then.get(2) + " wide, x"
                        + then.get(3) + " high, smallest mask area " + percent(then.get(4)) + ", model "
                        + then.get(5) + "). Run with those settings to finish them, or choose another --out.");
            }
        }
    }

    /** The indexes listed whose image and mask are both on disk; these are kept, the rest is made (again). */
    public Set<Integer> finished() {
        Set<Integer> finished = new HashSet<>();
        for (List<String> row : log.rows()) {
            int index = index(row);
            if (index >= 0 && Files.isRegularFile(imageFile(index)) && Files.isRegularFile(maskFile(index))) {
                finished.add(index);
            }
        }
        return finished;
    }

    /** Makes the folders, keeps the rows of finished pairs (and drops a row cut short), then takes new ones. */
    public void start(Set<Integer> finished) throws IOException {
        Files.createDirectories(folder.resolve(IMAGES));
        Files.createDirectories(folder.resolve(MASKS));
        log.start(row -> finished.contains(index(row)));
    }

    public Path imageFile(int index) {
        return folder.resolve(relativeImage(index));
    }

    public Path maskFile(int index) {
        return folder.resolve(relativeMask(index));
    }

    /** Lists a pair whose files are written. */
    public void append(int index, Run run, MaskFloor.Drawn drawn, SourceInfo source) throws IOException {
        SamplePair pair = drawn.pair();
        int width = pair.rgb().width();
        int height = pair.rgb().height();
        MaskFigures figures = MaskFigures.of(MaskRaster.of(pair.mask(), width, height));
        List<String> how = run.cells();
        log.append(List.of(Integer.toString(index), relativeImage(index), relativeMask(index), how.get(0),
                Integer.toString(drawn.draw()), how.get(1), how.get(2), how.get(3), how.get(4), Integer.toString(width),
                Integer.toString(height), String.format(Locale.ROOT, "%.5f", figures.coverage()),
                Integer.toString(figures.regions()), how.get(5), source == null ? "" : source.imageName(),
                source == null ? "" : source.imageSha256()));
    }

    /**
     * The pairs listed with both files on disk, in index order, as sample records (not reviewed,
     * no style, patch distance unknown, time unknown: a generate folder does not keep them).
     */
    public List<SampleRecord> records() {
        Set<Integer> finished = finished();
        List<SampleRecord> records = new ArrayList<>();
        for (List<String> row : log.rows()) {
            int index = index(row);
            if (finished.remove(index)) {
                records.add(new SampleRecord(name(index), cell(row, "model"),
                        Objects.requireNonNullElse(seed(row), 0L), index, (int) number(row, "start_scale"), number(row, "scale_h"), number(row, "scale_v"),
                        (int) number(row, "width"), (int) number(row, "height"), number(row, "mask_coverage"),
                        (int) number(row, "mask_regions"), Double.NaN, SampleRecord.NO_STYLE, Review.UNREVIEWED,
                        null));
            }
        }
        records.sort(Comparator.comparingLong(SampleRecord::index));
        return records;
    }

    /** The source image's name and SHA-256 as listed (from the model's description); empty when unknown. */
    public Source source() {
        return log.rows().isEmpty() ? new Source("", "")
                : new Source(cell(log.rows().get(0), "source_image"), cell(log.rows().get(0), "source_sha256"));
    }

    /** What the model of the listed pairs was trained on. */
    public record Source(String imageName, String imageSha256) {
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    private static String name(int index) {
        return String.format(Locale.ROOT, "%04d", index);
    }

    private static String relativeImage(int index) {
        return IMAGES + "/" + name(index) + ".png";
    }

    private static String relativeMask(int index) {
        return MASKS + "/" + name(index) + ".png";
    }

    private static int index(List<String> row) {
        try {
            return Integer.parseInt(cell(row, "index"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A number cell; a listing edited by hand may hold anything, read as 0. */
    private static double number(List<String> row, String column) {
        try {
            return Double.parseDouble(cell(row, column));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The seed cell, exactly (a double would round a large seed); null when it is not a number. */
    private static Long seed(List<String> row) {
        try {
            return Long.valueOf(cell(row, "seed"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cell(List<String> row, String column) {
        int i = COLUMNS.indexOf(column);
        return i < row.size() ? row.get(i) : "";
    }

    /** A share cell as a percentage. */
    private static String percent(String share) {
        try {
            return String.format(Locale.ROOT, "%.2f%%", 100 * Double.parseDouble(share));
        } catch (NumberFormatException e) {
            return share;
        }
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
