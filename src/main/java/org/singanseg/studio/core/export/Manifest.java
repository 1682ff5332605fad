package org.singanseg.studio.core.export;

import static org.singanseg.studio.core.io.CsvTable.decimal;

import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.samples.SampleRecord;

/**
 * {@code manifest.csv}: one row per exported pair with how it was made and what its mask holds, so
 * a training script can filter the dataset without opening the catalog. Written as a {@link CsvTable}; unknown
 * values (the real pair's seed, a patch distance never measured) are empty cells.
 */
final class Manifest {
    static final String FILE = "manifest.csv";
    static final List<String> COLUMNS = List.of("image", "mask", "kind", "seed", "index", "start_scale", "scale_h",
            "scale_v", "width", "height", "mask_area", "mask_regions", "patch_distance", "style", "review", "model");
    static final String SYNTHETIC = "synthetic";
    static final String REAL = "real";

    private final CsvTable csv = new CsvTable(COLUMNS);

    void add(String image, String mask, SampleRecord r) {
        csv.row(List.of(image, mask, SYNTHETIC, Long.toString(r.seed()), Long.toString(r.index()),
                Integer.toString(r.startScale()), decimal(r.scaleH()), decimal(r.scaleV()),
                Integer.toString(r.width()), Integer.toString(r.height()), decimal(r.maskCoverage()),
                Integer.toString(r.maskRegions()), decimal(r.patchDistance()), r.style(),
                r.review().name().toLowerCase(Locale.ROOT), r.model()));
    }

    void addReal(String image, String mask, int width, int height, MaskFigures figures) {
        csv.row(List.of(image, mask, REAL, "", "", "", "", "", Integer.toString(width), Integer.toString(height),
                decimal(figures.coverage()), Integer.toString(figures.regions()), "", "", "", ""));
    }

    byte[] bytes() {
        return csv.bytes();
    }
}
