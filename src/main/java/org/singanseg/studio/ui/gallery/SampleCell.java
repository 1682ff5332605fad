package org.singanseg.studio.ui.gallery;

import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleRecord;

import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;

/**
 * One thumbnail of the gallery grid: the image with its mask, a kept/rejected badge, its name
 * (its distance to the real image in the tooltip), and the selection frame. Clicks select (Ctrl toggles, Shift extends); a double click
 * opens the sample in Compare.
 */
final class SampleCell extends GridCell<SampleRecord> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass KEPT = PseudoClass.getPseudoClass("kept");
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    private static final PseudoClass NO_MASK = PseudoClass.getPseudoClass("no-mask");

    private final GalleryModel gallery;
    private final ThumbnailCache thumbnails;
    private final ImageView image = new ImageView();
    private final Label badge = new Label();
    private final Label caption = new Label();
    private final StackPane content = new StackPane(image, badge, caption);
    private final Tooltip distance = new Tooltip();
    private final SetChangeListener<String> selectionListener = change -> updateSelection();
    private Runnable withdrawThumbnail = () -> { };

    SampleCell(GalleryModel gallery, ThumbnailCache thumbnails, java.util.function.Consumer<SampleRecord> open) {
        this.gallery = gallery;
        this.thumbnails = thumbnails;
        getStyleClass().add("sample-cell");
        image.setPreserveRatio(true);
        image.fitWidthProperty().bind(gallery.thumbnailSizeProperty().subtract(8));
        image.fitHeightProperty().bind(gallery.thumbnailSizeProperty().subtract(8));
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        StackPane.setAlignment(caption, Pos.BOTTOM_LEFT);
        badge.getStyleClass().add("sample-badge");
        caption.getStyleClass().add("sample-caption");
        Tooltip.install(content, distance);
        // Weak: the grid drops cells when it rebuilds its rows, and the selection set outlives them.
        gallery.selected().addListener(new WeakSetChangeListener<>(selectionListener));
        setOnMouseClicked(e -> {
            if (getItem() == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                open.accept(getItem());
            } else {
                gallery.click(getItem(), e.isShortcutDown(), e.isShiftDown());
            }
            requestFocusOnGrid();
        });
    }

    @Override
    protected void updateItem(SampleRecord record, boolean empty) {
        super.updateItem(record, empty);
        withdrawThumbnail.run();
        withdrawThumbnail = () -> { };
        if (empty || record == null) {
            setGraphic(null);
            image.setImage(null);
            pseudoClassStateChanged(SELECTED, false);
            return;
        }
        setGraphic(content);
        setId("sample-" + record.name());
        badge.setGraphic(record.review() == Review.KEPT ? new FontIcon(MaterialDesignC.CHECK_CIRCLE)
                : record.review() == Review.REJECTED ? new FontIcon(MaterialDesignC.CLOSE_CIRCLE) : null);
        pseudoClassStateChanged(KEPT, record.review() == Review.KEPT);
        pseudoClassStateChanged(REJECTED, record.review() == Review.REJECTED);
        // A pair without a polyp teaches a segmentation model little: the caption says so.
        pseudoClassStateChanged(NO_MASK, record.maskRegions() == 0);
        caption.setText(record.maskRegions() == 0 ? record.name() + "  no polyp" : record.name());
        distance.setText(record.name() + "\n" + DistanceWords.LABEL + ": " + DistanceWords.value(record.patchDistance())
                + " (lower = closer)");
        updateSelection();
        image.setImage(null);
        MaskStyle style = gallery.maskStyleProperty().get();
        var catalog = gallery.catalogProperty().get();
        withdrawThumbnail = thumbnails.get(catalog, record.name(), style, loaded -> {
            // The cell may show another sample by now, or another project's sample of the same name.
            if (getItem() != null && getItem().name().equals(record.name()) && gallery.maskStyleProperty().get() == style
                    && gallery.catalogProperty().get() == catalog) {
                image.setImage(loaded);
            }
        });
    }

    private void updateSelection() {
        pseudoClassStateChanged(SELECTED, getItem() != null && gallery.selected().contains(getItem().name()));
    }

    private void requestFocusOnGrid() {
        if (getGridView() != null) {
            getGridView().requestFocus();
        }
    }
}
