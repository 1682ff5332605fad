package org.singanseg.studio.core.batch;

import static org.singanseg.studio.core.io.CsvTable.decimal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.CsvTable;

/**
 * {@code manifest.csv} of a batch output folder: one row per output pair whose image and mask are
 * on disk, in pair-name then index order (the real pair first). Rebuilt from every
 * {@code models/*.json} {@link PairRecord}, not from this run's pairs, so the manifest written by
 * whichever shard or run finishes last lists everything; written atomically, so a reader never sees
 * half a file.
 */
public final class BatchManifest {
    public static final String FILE = "manifest.csv";
    public static final List<String> COLUMNS = List.of("image", "mask", "kind", "source_image", "source_mask",
            "source_sha256", "seed", "index", "draw", "start_scale", "width", "height", "mask_coverage", "model");
    public static final String SYNTHETIC = "synthetic";
    static final String REAL = "real";

    private BatchManifest() {
    }

    /** Writes the manifest from the records on disk; returns its number of pairs. */
    public static int rebuild(BatchLayout layout) throws IOException {
        CsvTable csv = new CsvTable(COLUMNS);
        int rows = 0;
        for (PairRecord record : records(layout)) {
            PairRecord.Real real = record.real();
            if (real != null && layout.hasFiles(real.image(), real.mask())) {
                csv.row(List.of(real.image(), real.mask(), REAL, record.sourceImage(), record.sourceMask(),
                        record.imageSha256(), "", "", "", "", Integer.toString(real.width()),
                        Integer.toString(real.height()), decimal(real.maskCoverage()), record.model()));
                rows++;
            }
            for (PairRecord.Sample s : record.samples()) {
                if (layout.hasFiles(s.image(), s.mask())) {
                    csv.row(List.of(s.image(), s.mask(), SYNTHETIC, record.sourceImage(), record.sourceMask(),
                            record.imageSha256(), Long.toString(record.seed()), Integer.toString(s.index()),
                            Integer.toString(s.draw()), Integer.toString(s.startScale()), Integer.toString(s.width()),
                            Integer.toString(s.height()), decimal(s.maskCoverage()), record.model()));
                    rows++;
                }
            }
        }
        byte[] bytes = csv.bytes();
        AtomicFiles.write(layout.manifest(), out -> out.write(bytes));
        return rows;
    }

    /** The readable records, by pair name; hidden files (a record being written) are not records. */
    private static List<PairRecord> records(BatchLayout layout) throws IOException {
        if (!Files.isDirectory(layout.modelsFolder())) {
            return List.of();
        }
        List<PairRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(layout.modelsFolder())) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(BatchLayout.RECORD_EXTENSION) && !name.startsWith(".");
            }).map(PairRecord::read).filter(Objects::nonNull).forEach(records::add);
        }
        records.sort(Comparator.comparing(PairRecord::name));
        return records;
    }
}
