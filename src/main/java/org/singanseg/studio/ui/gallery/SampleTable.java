package org.singanseg.studio.ui.gallery;

import java.util.Locale;
import java.util.function.Function;

import org.singanseg.studio.core.samples.SampleRecord;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The gallery as a list: one row per shown sample with how it was made and its figures, sortable
 * by any column (patch distance finds the outliers). Sorting a column orders the gallery itself,
 * so the grid, the arrow keys and Compare follow the same order.
 */
final class SampleTable extends TableView<SampleRecord> {
    private boolean syncing;

    SampleTable(GalleryModel gallery) {
        super(gallery.shown());
        setId("gallery-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getColumns().add(column("Name", 85, SampleRecord::name, null));
        getColumns().add(column("Review", 70, r -> switch (r.review()) {
            case KEPT -> "kept";
            case REJECTED -> "rejected";
            case UNREVIEWED -> "";
        }, null));
        getColumns().add(column("Seed", 95, SampleRecord::seed, null));
        getColumns().add(column("Start scale", 75, SampleRecord::startScale, null));
        getColumns().add(column("Size", 75, r -> r.width() + " × " + r.height(), null));
        getColumns().add(column("Mask area %", 90, r -> r.maskCoverage() * 100, "%.1f"));
        getColumns().add(column("Regions", 60, SampleRecord::maskRegions, null));
        TableColumn<SampleRecord, Double> distance = column("", 115, SampleRecord::patchDistance, "%.3f");
        Label distanceTitle = new Label(DistanceWords.LABEL);
        distanceTitle.setTooltip(DistanceWords.tooltip());
        distance.setGraphic(distanceTitle);
        distance.setId("column-distance");
        getColumns().add(distance);

        // A column sort becomes the gallery's order; without one, the tool bar's order applies.
        setSortPolicy(table -> {
            gallery.orderProperty().set(table.getComparator() != null ? table.getComparator()
                    : gallery.sortProperty().get().order());
            return true;
        });
        getItems().addListener((ListChangeListener<SampleRecord>) change -> {
            if (gallery.changingRecords()) {
                Platform.runLater(() -> selectFrom(gallery));
            }
        });
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<SampleRecord>) change -> {
            if (!syncing && !gallery.changingRecords()) {
                gallery.select(getSelectionModel().getSelectedItems().stream().map(SampleRecord::name).toList(),
                        getSelectionModel().getSelectedItem());
            }
        });
    }

    /**
     * Shows the gallery's selection: when the list view opens, and after marks replaced rows (the
     * table drops the selection of replaced rows).
     */
    void selectFrom(GalleryModel gallery) {
        syncing = true;
        try {
            getSelectionModel().clearSelection();
            for (int i = 0; i < getItems().size(); i++) {
                if (gallery.selected().contains(getItems().get(i).name())) {
                    getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static <T extends Comparable<T>> TableColumn<SampleRecord, T> column(String title, double width,
            Function<SampleRecord, T> value, String format) {
        TableColumn<SampleRecord, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        if (format != null) {
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null || item instanceof Double d && d.isNaN() ? null
                            : String.format(Locale.ROOT, format, item));
                }
            });
        }
        return column;
    }
}
