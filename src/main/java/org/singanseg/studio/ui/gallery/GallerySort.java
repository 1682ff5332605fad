package org.singanseg.studio.ui.gallery;

import java.util.Comparator;

import org.singanseg.studio.core.samples.SampleRecord;

/**
 * Gallery orders. Patch distance to the real image finds outliers: the farthest samples first are
 * the ones most worth a look before export.
 */
public enum GallerySort {
    OLDEST("Oldest first", Comparator.comparing(SampleRecord::name)),
    NEWEST("Newest first", Comparator.comparing(SampleRecord::name).reversed()),
    FARTHEST("Farthest from the real image", Comparator.comparingDouble(GallerySort::distance).reversed()),
    CLOSEST("Closest to the real image", Comparator.comparingDouble(GallerySort::distance)),
    LARGEST_MASK("Largest mask", Comparator.comparingDouble(SampleRecord::maskCoverage).reversed()),
    SMALLEST_MASK("Smallest mask", Comparator.comparingDouble(SampleRecord::maskCoverage));

    private final String title;
    private final Comparator<SampleRecord> order;

    GallerySort(String title, Comparator<SampleRecord> order) {
        this.title = title;
        this.order = order;
    }

    public Comparator<SampleRecord> order() {
        return order;
    }

    /** Unknown distances sort as the nearest, so they never hide real outliers at the top. */
    private static double distance(SampleRecord record) {
        return Double.isNaN(record.patchDistance()) ? 0 : record.patchDistance();
    }

    @Override
    public String toString() {
        return title;
    }
}
