package org.singanseg.studio.core.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.batch.BatchLayout;
import org.singanseg.studio.core.batch.BatchManifest;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.io.UnsafePathException;

/**
 * The synthetic pairs of a train-batch output folder, read from its {@code manifest.csv}
 * ({@link BatchManifest}), which says which real image each was made from. That is the only source
 * of truth used: file names are never parsed for it. Rows of kind {@code real} (the copies that
 * {@code --with-real} adds) are left out.
 */
final class SyntheticManifest {
    private static final List<String> NEEDED = List.of("image", "mask", "kind", "source_image", "source_sha256",
            "mask_coverage");

    private SyntheticManifest() {
    }

    static List<SyntheticPair> read(Path folder) throws InvalidInputException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("The synthetic folder " + folder + " does not exist or is not a folder.");
        }
        BatchLayout layout = new BatchLayout(folder);
        Path file = layout.manifest();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("There is no " + BatchManifest.FILE + " in " + folder + ". The synthetic "
                    + "folder must be a train-batch output folder: its manifest says which real image each synthetic "
                    + "pair was made from (running train-batch again on it rebuilds the manifest).");
        }
        List<List<String>> rows = CsvTable.parse(Files.readString(file));
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        List<String> missing = NEEDED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(file + " lacks the column(s) " + String.join(", ", missing)
                    + ": it is not a train-batch manifest. Run train-batch again on " + folder + " to rebuild it.");
        }
        List<SyntheticPair> pairs = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new InvalidInputException(String.format(Locale.ROOT, "Line %d of %s has %d cells where the "
                        + "header has %d. Run train-batch again on %s to rebuild it.", r + 1, file, row.size(),
                        header.size(), folder));
            }
            if (BatchManifest.SYNTHETIC.equals(cell(row, header, "kind"))) {
                pairs.add(new SyntheticPair(path(layout, row, header, "image", file, r + 1),
                        path(layout, row, header, "mask", file, r + 1), cell(row, header, "source_image"),
                        cell(row, header, "source_sha256"), coverage(row, header, file, r + 1)));
            }
        }
        if (pairs.isEmpty()) {
            throw new InvalidInputException(file + " lists no synthetic pairs. Let train-batch finish (or run it with "
                    + "--samples-per-image 1 or more) first.");
        }
        return pairs;
    }

    private static double coverage(List<String> row, List<String> header, Path file, int line)
            throws InvalidInputException {
        String text = cell(row, header, "mask_coverage");
        try {
            double coverage = Double.parseDouble(text);
            if (coverage >= 0 && coverage <= 1) {
                return coverage;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(String.format(Locale.ROOT, "Line %d of %s gives the mask coverage '%s', "
                + "not a share from 0 to 1. Run train-batch again on its folder to rebuild the manifest.", line, file,
                text));
    }

    /** A manifest may come from someone else: its paths must stay inside the synthetic folder. */
    private static Path path(BatchLayout layout, List<String> row, List<String> header, String column, Path file,
                             int line) throws InvalidInputException {
        try {
            return layout.file(cell(row, header, column));
        } catch (UnsafePathException e) {
            throw new InvalidInputException(String.format(Locale.ROOT, "Line %d of %s: %s Run train-batch again on "
                    + "its folder to rebuild the manifest.", line, file, e.getMessage()));
        }
    }

    private static String cell(List<String> row, List<String> header, String column) {
        return row.get(header.indexOf(column));
    }
}
