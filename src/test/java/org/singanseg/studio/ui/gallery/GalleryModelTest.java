package org.singanseg.studio.ui.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;

class GalleryModelTest {
    @TempDir
    Path folder;
    private final GalleryModel gallery = new GalleryModel();
    private SampleCatalog catalog;

    private static SampleRecord record(String name, double distance, double coverage) {
        return new SampleRecord(name, "m", 1, 0, 0, 1, 1, 10, 10, coverage, 1, distance, SampleRecord.NO_STYLE,
                Review.UNREVIEWED, Instant.EPOCH);
    }

    @BeforeEach
    void fill() throws Exception {
        catalog = SampleCatalog.open(folder);
        catalog.add(record("syn_00001", 5, 0.2));
        catalog.add(record("syn_00002", 50, 0.1));
        catalog.add(record("syn_00003", Double.NaN, 0.3));
        catalog.add(record("syn_00004", 20, 0.05));
        gallery.show(catalog);
    }

    private List<String> shown() {
        return gallery.shown().stream().map(SampleRecord::name).toList();
    }

    @Test
    void sortsByDistanceAndMaskAreaAndFiltersByReview() {
        gallery.sortProperty().set(GallerySort.FARTHEST);
        assertEquals(List.of("syn_00002", "syn_00004", "syn_00001", "syn_00003"), shown());
        gallery.sortProperty().set(GallerySort.SMALLEST_MASK);
        assertEquals(List.of("syn_00004", "syn_00002", "syn_00001", "syn_00003"), shown());

        gallery.sortProperty().set(GallerySort.OLDEST);
        gallery.click(gallery.shown().get(1), false, false);
        gallery.click(gallery.shown().get(3), true, false);
        assertEquals(2, gallery.markSelected(Review.KEPT));
        assertEquals(Review.KEPT, catalog.get("syn_00004").review());
        gallery.filterProperty().set(GalleryFilter.KEPT);
        assertEquals(List.of("syn_00002", "syn_00004"), shown());
        gallery.filterProperty().set(GalleryFilter.UNREVIEWED);
        assertEquals(List.of("syn_00001", "syn_00003"), shown());
    }

    @Test
    void clickSelectsCtrlTogglesShiftSelectsARange() {
        gallery.sortProperty().set(GallerySort.OLDEST);
        List<SampleRecord> s = List.copyOf(gallery.shown());
        gallery.click(s.get(0), false, false);
        assertEquals(Set.of("syn_00001"), gallery.selected());
        gallery.click(s.get(2), false, true);
        assertEquals(Set.of("syn_00001", "syn_00002", "syn_00003"), gallery.selected());
        gallery.click(s.get(1), true, false);
        assertEquals(Set.of("syn_00001", "syn_00003"), gallery.selected());
        gallery.click(s.get(3), false, false);
        assertEquals(Set.of("syn_00004"), gallery.selected());
        assertEquals("syn_00004", gallery.focusedProperty().get().name());
        gallery.selectAll();
        assertEquals(4, gallery.selected().size());
        assertEquals("syn_00003", gallery.neighbour(-1).name());
        assertEquals("syn_00004", gallery.neighbour(1).name());
    }

    @Test
    void samplesMadeForAProjectNoLongerShownStayOut(@TempDir Path other) throws Exception {
        gallery.added(SampleCatalog.open(other), List.of(record("syn_00009", 1, 0.1)));
        assertEquals(4, gallery.records().size());
        gallery.added(catalog, List.of(record("syn_00005", 1, 0.1)));
        assertEquals(5, gallery.records().size());
        assertEquals("syn_00005", gallery.shown().get(0).name());
    }

    @Test
    void removedSamplesLeaveListsAndSelection() {
        gallery.click(gallery.shown().get(0), false, false);
        String name = gallery.focusedProperty().get().name();
        gallery.removed(Set.of(name));
        assertEquals(3, gallery.records().size());
        assertEquals(Set.of(), gallery.selected());
        assertNull(gallery.focusedProperty().get());
        // Positions are rebuilt: marking after a removal updates the right record.
        gallery.click(gallery.shown().get(0), false, false);
        gallery.markSelected(Review.REJECTED);
        String marked = gallery.focusedProperty().get().name();
        assertEquals(Review.REJECTED, gallery.records().stream().filter(r -> r.name().equals(marked)).findFirst()
                .orElseThrow().review());
    }
}
