package org.singanseg.studio.ui.gallery;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.controlsfx.control.GridView;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.ui.common.Dialogs;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableRow;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The Gallery step: Generate controls on the left, the virtualised grid of samples in the middle
 * (ControlsFX GridView: only the visible cells exist), the selected sample's details on the right,
 * and a tool bar to filter, sort, review, delete and export.
 */
public final class GalleryView extends BorderPane {
    private final GalleryModel gallery;
    private final SampleLibrary library;
    private final Consumer<SampleRecord> compare;
    private final BooleanProperty listMode = new SimpleBooleanProperty();

    /**
     * @param notice  shown above the samples while it is visible (a model out of date)
     * @param compare opens a sample in the Compare step
     * @param export  opens the export dialog
     */
    public GalleryView(GalleryModel gallery, SampleLibrary library, ThumbnailCache thumbnails, GeneratePanel generate,
                       Node notice, Executor loader, Executor ui, Consumer<SampleRecord> compare, Runnable export) {
        this.gallery = gallery;
        this.library = library;
        this.compare = compare;
        setId("gallery-view");

        GridView<SampleRecord> grid = new GridView<>(gallery.shown());
        grid.setId("gallery-grid");
        grid.cellWidthProperty().bind(gallery.thumbnailSizeProperty());
        grid.cellHeightProperty().bind(gallery.thumbnailSizeProperty());
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new SampleCell(gallery, thumbnails, compare));
        grid.setFocusTraversable(true);
        grid.setOnKeyPressed(e -> {
            if (handleKey(e.getCode(), e.isShortcutDown())) {
                e.consume();
            }
        });
        // A new mask style redraws every visible cell.
        gallery.maskStyleProperty().addListener((obs, old, style) -> {
            var items = grid.getItems();
            grid.setItems(javafx.collections.FXCollections.observableArrayList());
            grid.setItems(items);
        });

        SampleTable table = new SampleTable(gallery);
        table.setVisible(false);
        table.setOnKeyPressed(e -> {
            // The table moves and extends its own selection with the arrows and Ctrl+A.
            if (!e.getCode().isArrowKey() && e.getCode() != KeyCode.A && handleKey(e.getCode(), e.isShortcutDown())) {
                e.consume();
            }
        });
        // On rows, not the table: a quick second click on a column header is no request to compare.
        table.setRowFactory(t -> {
            TableRow<SampleRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    compare.accept(row.getItem());
                }
            });
            return row;
        });
        listMode.addListener((obs, old, list) -> {
            table.setVisible(list);
            grid.setVisible(!list);
            if (list) {
                table.selectFrom(gallery);
                table.requestFocus();
            } else {
                gallery.orderProperty().set(gallery.sortProperty().get().order());
                grid.requestFocus();
            }
        });

        gallery.focusedProperty().addListener((obs, old, record) -> {
            if (record != null) {
                reveal(grid, table, record);
            }
        });

        Label empty = new Label("No samples yet. Choose how many and press Generate.");
        empty.getStyleClass().add("placeholder-text");
        empty.visibleProperty().bind(Bindings.isEmpty(gallery.shown()));
        empty.setMouseTransparent(true);

        setTop(viewBar());
        // Scrolls rather than pushing the window's status bar out of sight at small heights.
        ScrollPane generateScroll = new ScrollPane(generate);
        generateScroll.setFitToWidth(true);
        generateScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        generateScroll.getStyleClass().add("side-panel");
        setLeft(generateScroll);
        setCenter(new BorderPane(new StackPane(grid, table, empty), notice, null, actionBar(generate, export), null));
        setRight(new SampleDetails(gallery, loader, ui));
    }

    /** K / R / U mark, Delete removes, Ctrl+A selects all, Enter compares, arrows move the focus. */
    boolean handleKey(KeyCode key, boolean shortcut) {
        switch (key) {
            case K -> library.mark(Review.KEPT);
            case R -> library.mark(Review.REJECTED);
            case U -> library.mark(Review.UNREVIEWED);
            case DELETE, BACK_SPACE -> confirmDelete();
            case ENTER -> {
                if (gallery.focusedProperty().get() != null) {
                    compare.accept(gallery.focusedProperty().get());
                }
            }
            case A -> {
                if (!shortcut) {
                    return false;
                }
                gallery.selectAll();
            }
            case RIGHT, DOWN -> step(1);
            case LEFT, UP -> step(-1);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Scrolls the focused sample into view (arrow keys, Compare's stepping). */
    private void reveal(GridView<SampleRecord> grid, SampleTable table, SampleRecord record) {
        int index = gallery.shown().indexOf(record);
        if (index < 0) {
            return;
        }
        if (listMode.get()) {
            table.scrollTo(index);
        } else if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            // The flow's cells are rows; the first visible one is full unless it is the only one.
            IndexedCell<?> first = flow.getFirstVisibleCell();
            int perRow = Math.max(1, first.lookupAll(".grid-cell").size());
            int row = index / perRow;
            if (row < first.getIndex() || row > flow.getLastVisibleCell().getIndex()) {
                flow.scrollTo(row);
            }
        }
    }

    private void step(int by) {
        SampleRecord next = gallery.neighbour(by);
        if (next != null) {
            gallery.click(next, false, false);
        }
    }

    /** How the samples are shown: grid or list, filter, order, mask style, thumbnail size. */
    private ToolBar viewBar() {
        SegmentedButton filters = new SegmentedButton();
        filters.setId("gallery-filter");
        for (GalleryFilter filter : GalleryFilter.values()) {
            ToggleButton button = new ToggleButton(filter.toString());
            button.setUserData(filter);
            button.setSelected(filter == gallery.filterProperty().get());
            filters.getButtons().add(button);
        }
        filters.getToggleGroup().selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);
            } else {
                gallery.filterProperty().set((GalleryFilter) selected.getUserData());
            }
        });

        ToggleButton gridButton = new ToggleButton(null, new FontIcon(MaterialDesignV.VIEW_GRID_OUTLINE));
        gridButton.setId("gallery-grid-mode");
        gridButton.setTooltip(new Tooltip("Thumbnails"));
        gridButton.setSelected(true);
        ToggleButton listButton = new ToggleButton(null, new FontIcon(MaterialDesignV.VIEW_LIST_OUTLINE));
        listButton.setId("gallery-list-mode");
        listButton.setTooltip(new Tooltip("List with figures; click a column to sort by it"));
        SegmentedButton views = new SegmentedButton(gridButton, listButton);
        views.getToggleGroup().selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);
            } else {
                listMode.set(selected == listButton);
            }
        });

        ChoiceBox<GallerySort> sort = new ChoiceBox<>();
        sort.setId("gallery-sort");
        sort.getItems().setAll(GallerySort.values());
        sort.valueProperty().bindBidirectional(gallery.sortProperty());
        sort.disableProperty().bind(listMode);
        sort.setTooltip(new Tooltip("Order of the samples; 'Farthest from the real image' puts outliers first"));

        ChoiceBox<MaskStyle> maskStyle = new ChoiceBox<>();
        maskStyle.setId("gallery-mask-style");
        maskStyle.getItems().setAll(MaskStyle.values());
        maskStyle.valueProperty().bindBidirectional(gallery.maskStyleProperty());
        maskStyle.setTooltip(new Tooltip("How masks are drawn on all thumbnails"));

        Slider size = new Slider(96, 320, gallery.thumbnailSizeProperty().get());
        size.setId("gallery-size");
        size.setPrefWidth(110);
        size.setTooltip(new Tooltip("Thumbnail size"));
        gallery.thumbnailSizeProperty().bind(size.valueProperty());

        return new ToolBar(views, filters, sort, maskStyle, new Label("Size"), size);
    }

    /** What to do with them: the counts, review marks, delete, export. */
    private ToolBar actionBar(GeneratePanel generate, Runnable export) {
        Label counts = new Label();
        counts.setId("gallery-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%d shown of %d · %d selected", gallery.shown().size(), gallery.records().size(), gallery.selected().size()),
                gallery.shown(), gallery.records(), gallery.selected()));

        Button keep = action("Keep", MaterialDesignC.CHECK_CIRCLE_OUTLINE, "Keep the selected samples (K)",
                () -> library.mark(Review.KEPT));
        keep.setId("gallery-keep");
        Button reject = action("Reject", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, "Reject the selected samples (R)",
                () -> library.mark(Review.REJECTED));
        reject.setId("gallery-reject");
        Button delete = action("Delete", MaterialDesignD.DELETE_OUTLINE, "Delete the selected samples (Delete)",
                this::confirmDelete);
        Button style = action("Style…", MaterialDesignP.PALETTE_OUTLINE, "Store styled copies of the selected pairs",
                () -> generate.styleSelected(gallery.records().stream()
                        .filter(r -> gallery.selected().contains(r.name())).toList()));
        style.setId("gallery-style");
        Button exportButton = action("Export…", MaterialDesignE.EXPORT, "Export pairs in the Kvasir-SEG layout", export);
        exportButton.setId("gallery-export");
        for (Button button : new Button[]{keep, reject, delete, style}) {
            button.disableProperty().bind(Bindings.isEmpty(gallery.selected()));
        }
        exportButton.disableProperty().bind(Bindings.isEmpty(gallery.records()));
        return new ToolBar(counts, spacer(), keep, reject, delete, style, exportButton);
    }

    private void confirmDelete() {
        int n = gallery.selected().size();
        if (n == 0) {
            return;
        }
        if (Dialogs.confirm(getScene().getWindow(), "Delete samples", "Delete " + n + " sample" + (n == 1 ? "" : "s")
                + " and their files? This cannot be undone.", "Delete", "Keep")) {
            library.delete(gallery.selected());
        }
    }

    private static Button action(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable run) {
        Button button = new Button(text, new FontIcon(icon));
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> run.run());
        return button;
    }

    private static Node spacer() {
        Region region = new Region();
        javafx.scene.layout.HBox.setHgrow(region, Priority.ALWAYS);
        return region;
    }
}
