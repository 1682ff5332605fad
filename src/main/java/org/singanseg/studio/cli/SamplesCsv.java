package org.singanseg.studio.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.io.ConfinedPaths;
import org.singanseg.studio.core.io.CsvLog;

/**
 * The samples.csv of a generate folder, a row appended as soon as its pair is on disk, so that a
 * run killed, interrupted or stopped by a full disk leaves every finished pair listed. Running
 * the same command again goes on from there: the pairs listed (with both files present) are kept,
 * the others made; a folder begun with other settings is refused rather than mixed.
 */
final class SamplesCsv implements Closeable {
    static final String FILE = "samples.csv";
    private static final List<String> COLUMNS = List.of("index", "image", "mask", "seed", "start_scale", "scale_h",
            "scale_v", "width", "height", "mask_coverage", "model");
    private static final List<String> SETTINGS = List.of("seed", "start_scale", "scale_h", "scale_v", "model");

    private final Path folder;
    private final CsvLog log;

    private SamplesCsv(Path folder, CsvLog log) {
        this.folder = folder;
        this.log = log;
    }

    static SamplesCsv open(Path folder) throws IOException {
        CsvLog log = CsvLog.open(folder.resolve(FILE), COLUMNS);
        if (!log.header().equals(COLUMNS)) {
            throw new IllegalArgumentException(folder.resolve(FILE) + " is not a list of generated pairs (its columns "
                    + "differ). Choose another --out.");
        }
        return new SamplesCsv(folder, log);
    }

    /** The seed of the pairs listed already, for a rerun without --seed; null when there are none. */
    Long listedSeed() {
        return log.rows().isEmpty() ? null : parseSeed(cell(log.rows().get(0), "seed"));
    }

    /** Refuses to add pairs of other settings to pairs listed already. */
    void checkSameSettings(long seed, int startScale, double scaleH, double scaleV, String model) {
        List<String> now = settings(seed, startScale, scaleH, scaleV, model);
        for (List<String> row : log.rows()) {
            List<String> then = SETTINGS.stream().map(column -> cell(row, column)).toList();
            if (!then.equals(now)) {
                throw new IllegalArgumentException(folder + " already holds pairs made with other settings (seed "
                        + then.get(0) + ", start scale " + then.get(1) + ", size x" + then.get(2) + " wide, x"
                        + then.get(3) + " high, model " + then.get(4) + "). Run with those settings to finish them, "
                        + "or choose another --out.");
            }
        }
    }

    /** The indexes listed whose image and mask are both on disk; these are kept, the rest is made (again). */
    Set<Integer> finished() {
        Set<Integer> finished = new HashSet<>();
        for (List<String> row : log.rows()) {
            if (index(row) >= 0 && isFile(cell(row, "image")) && isFile(cell(row, "mask"))) {
                finished.add(index(row));
            }
        }
        return finished;
    }

    /** Keeps the rows of finished pairs (and drops a row cut short), then takes new ones. */
    void start(Set<Integer> finished) throws IOException {
        log.start(row -> finished.contains(index(row)));
    }

    void append(int index, String image, String mask, long seed, int startScale, double scaleH, double scaleV,
                SamplePair pair, String model) throws IOException {
        List<String> settings = settings(seed, startScale, scaleH, scaleV, model);
        log.append(List.of(Integer.toString(index), image, mask, settings.get(0), settings.get(1), settings.get(2),
                settings.get(3), Integer.toString(pair.rgb().width()), Integer.toString(pair.rgb().height()),
                fixed(5, pair.maskCoverage()), settings.get(4)));
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    private static List<String> settings(long seed, int startScale, double scaleH, double scaleV, String model) {
        return List.of(Long.toString(seed), Integer.toString(startScale), fixed(4, scaleH), fixed(4, scaleV), model);
    }

    /** A name the listing gives, only as a file of this folder (the listing may come from someone else). */
    private boolean isFile(String name) {
        return ConfinedPaths.isPlainName(name) && Files.isRegularFile(ConfinedPaths.file(folder, name));
    }

    private static int index(List<String> row) {
        try {
            return Integer.parseInt(cell(row, "index"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String cell(List<String> row, String column) {
        int i = COLUMNS.indexOf(column);
        return i < row.size() ? row.get(i) : "";
    }

    private static Long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fixed(int decimals, double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
