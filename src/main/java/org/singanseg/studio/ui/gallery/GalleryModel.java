package org.singanseg.studio.ui.gallery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The gallery's state on the UI thread: the project's samples, the filter and order that make the
 * shown list, the selection (by name, so it survives re-sorting) with the focused sample the
 * detail pane shows, and the look of the grid. Review changes go to the catalog at once; saving it
 * to disk is the caller's (see {@link SampleLibrary}).
 */
public final class GalleryModel {
    private final ObjectProperty<SampleCatalog> catalog = new SimpleObjectProperty<>();
    private final ObservableList<SampleRecord> records = FXCollections.observableArrayList();
    private final Map<String, Integer> positions = new HashMap<>();
    private final FilteredList<SampleRecord> filtered = new FilteredList<>(records);
    private final SortedList<SampleRecord> shown = new SortedList<>(filtered);
    private final ObjectProperty<GalleryFilter> filter = new SimpleObjectProperty<>(GalleryFilter.ALL);
    private final ObjectProperty<GallerySort> sort = new SimpleObjectProperty<>(GallerySort.NEWEST);
    private final ObjectProperty<Comparator<SampleRecord>> order = new SimpleObjectProperty<>(sort.get().order());
    private final ObjectProperty<MaskStyle> maskStyle = new SimpleObjectProperty<>(MaskStyle.OUTLINE);
    private final DoubleProperty thumbnailSize = new SimpleDoubleProperty(160);
    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<SampleRecord> focused = new SimpleObjectProperty<>();
    private String anchor;
    private boolean changingRecords;

    public GalleryModel() {
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> filter.get().test()::test, filter));
        sort.addListener((obs, old, chosen) -> order.set(chosen.order()));
        // What is filtered out is no longer selected: Delete must never reach samples the user cannot see.
        filter.addListener((obs, old, chosen) -> {
            Set<String> visible = new HashSet<>();
            shown.forEach(r -> visible.add(r.name()));
            selected.retainAll(visible);
            if (focused.get() != null && !visible.contains(focused.get().name())) {
                focused.set(null);
            }
        });
        shown.comparatorProperty().bind(order);
    }

    /** Shows another project's samples (or none), clearing the selection. */
    public void show(SampleCatalog newCatalog) {
        catalog.set(newCatalog);
        clearSelection();
        positions.clear();
        List<SampleRecord> all = newCatalog == null ? List.of() : newCatalog.records();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).name(), i);
        }
        records.setAll(all);
    }

    /** Adds freshly generated samples, unless they belong to a project no longer shown. */
    public void added(SampleCatalog madeIn, List<SampleRecord> made) {
        if (madeIn != catalog.get()) {
            return;
        }
        for (SampleRecord record : made) {
            positions.put(record.name(), records.size());
            records.add(record);
        }
    }

    public ObjectProperty<SampleCatalog> catalogProperty() {
        return catalog;
    }

    /** All samples of the project, in the order they were made. */
    public ObservableList<SampleRecord> records() {
        return FXCollections.unmodifiableObservableList(records);
    }

    /** The samples the grid shows: filtered and sorted. */
    public SortedList<SampleRecord> shown() {
        return shown;
    }

    public ObjectProperty<GalleryFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<GallerySort> sortProperty() {
        return sort;
    }

    /** The order of the shown list: the chosen {@link #sortProperty()}, or the list view's column sort. */
    public ObjectProperty<Comparator<SampleRecord>> orderProperty() {
        return order;
    }

    /** Replaces the selection (the list view's own selection), focusing {@code focus}. */
    public void select(List<String> names, SampleRecord focus) {
        selected.retainAll(new HashSet<>(names));
        selected.addAll(names);
        focused.set(focus);
        anchor = focus == null ? null : focus.name();
    }

    public ObjectProperty<MaskStyle> maskStyleProperty() {
        return maskStyle;
    }

    public DoubleProperty thumbnailSizeProperty() {
        return thumbnailSize;
    }

    public ObservableSet<String> selected() {
        return selected;
    }

    public ObjectProperty<SampleRecord> focusedProperty() {
        return focused;
    }

    /**
     * A click on a sample: alone selects only it, with {@code toggle} (Ctrl) adds or removes it,
     * with {@code range} (Shift) selects the shown samples from the last clicked one to it.
     */
    public void click(SampleRecord record, boolean toggle, boolean range) {
        int from = anchor == null ? -1 : indexShown(anchor);
        if (range && from >= 0) {
            int to = indexShown(record.name());
            if (!toggle) {
                selected.clear();
            }
            for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
                selected.add(shown.get(i).name());
            }
        } else if (toggle) {
            if (!selected.remove(record.name())) {
                selected.add(record.name());
            }
            anchor = record.name();
        } else {
            selected.clear();
            selected.add(record.name());
            anchor = record.name();
        }
        focused.set(record);
    }

    public void selectAll() {
        List<String> names = new ArrayList<>(shown.size());
        shown.forEach(r -> names.add(r.name()));
        selected.addAll(names);
    }

    public void clearSelection() {
        selected.clear();
        focused.set(null);
        anchor = null;
    }

    /** The shown sample {@code step} places after the focused one (for arrow keys), or null. */
    public SampleRecord neighbour(int step) {
        SampleRecord current = focused.get();
        if (shown.isEmpty()) {
            return null;
        }
        int index = current == null ? -1 : indexShown(current.name());
        int next = index < 0 ? 0 : Math.max(0, Math.min(shown.size() - 1, index + step));
        return shown.get(next);
    }

    /** Marks the selected samples; returns how many changed. */
    public int markSelected(Review review) {
        SampleCatalog current = catalog.get();
        if (current == null || selected.isEmpty()) {
            return 0;
        }
        List<SampleRecord> updated = current.setReview(List.copyOf(selected), review);
        changingRecords = true;
        try {
            for (SampleRecord record : updated) {
                Integer position = positions.get(record.name());
                if (position != null) {
                    records.set(position, record);
                }
                if (focused.get() != null && focused.get().name().equals(record.name())) {
                    focused.set(record);
                }
            }
        } finally {
            changingRecords = false;
        }
        return updated.size();
    }

    /**
     * True while records are being replaced: views that derive a selection from their rows (the
     * list view) must not take the rows' momentary loss of selection for the user's.
     */
    public boolean changingRecords() {
        return changingRecords;
    }

    /** Takes deleted samples out of the lists (the files are the library's). */
    public void removed(Set<String> names) {
        records.removeIf(r -> names.contains(r.name()));
        selected.removeAll(names);
        if (focused.get() != null && names.contains(focused.get().name())) {
            focused.set(null);
        }
        positions.clear();
        for (int i = 0; i < records.size(); i++) {
            positions.put(records.get(i).name(), i);
        }
    }

    private int indexShown(String name) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
