package org.singanseg.studio.ui.gallery;

import java.util.Locale;
import java.util.concurrent.Executor;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The detail pane: the focused sample large, with how it was made and what it contains. The full
 * image is read and drawn on a background thread.
 */
final class SampleDetails extends VBox {
    private static final Logger LOG = LoggerFactory.getLogger(SampleDetails.class);
    private static final double IMAGE_SIZE = 300;

    private final GalleryModel gallery;
    private final Executor loader;
    private final Executor ui;
    private final ImageView image = new ImageView();
    private final Label enlarged = new Label();
    private final GridPane facts = new GridPane();
    private final Label empty = new Label("Select a sample to see it here.\nK keeps, R rejects, U clears the mark, "
            + "Delete removes, Enter or a double click compares it with the real image.");

    SampleDetails(GalleryModel gallery, Executor loader, Executor ui) {
        super(10);
        this.gallery = gallery;
        this.loader = loader;
        this.ui = ui;
        setId("sample-details");
        getStyleClass().add("side-panel");
        setPadding(new Insets(12));
        setPrefWidth(IMAGE_SIZE + 24);
        image.setFitWidth(IMAGE_SIZE);
        image.setFitHeight(IMAGE_SIZE);
        image.setPreserveRatio(true);
        facts.setHgap(10);
        facts.setVgap(3);
        enlarged.setId("detail-enlarged");
        enlarged.setWrapText(true);
        enlarged.getStyleClass().add("hint");
        enlarged.setMaxWidth(IMAGE_SIZE);
        enlarged.visibleProperty().bind(enlarged.textProperty().isNotEmpty());
        enlarged.managedProperty().bind(enlarged.visibleProperty());
        empty.setWrapText(true);
        empty.getStyleClass().add("hint");
        gallery.focusedProperty().addListener((obs, old, record) -> show(record));
        gallery.maskStyleProperty().addListener((obs, old, style) -> show(gallery.focusedProperty().get()));
        show(null);
    }

    private void show(SampleRecord record) {
        facts.getChildren().clear();
        image.setImage(null);
        if (record == null) {
            getChildren().setAll(empty);
            return;
        }
        int factor = Enlargement.factor(record.width(), record.height(), IMAGE_SIZE);
        enlarged.setText(Enlargement.note(record.width(), record.height(), factor));
        getChildren().setAll(image, enlarged, facts);
        int row = 0;
        fact(row++, "Name", record.name());
        fact(row++, "Seed / index", record.seed() + " / " + MaskFloor.describeNoiseIndex(record.index()));
        fact(row++, "Start scale", Integer.toString(record.startScale()));
        fact(row++, "Size", record.width() + " × " + record.height() + " px");
        fact(row++, "Mask area", String.format(Locale.ROOT, "%.1f %%  (%d region%s)", record.maskCoverage() * 100,
                record.maskRegions(), record.maskRegions() == 1 ? "" : "s"));
        fact(row++, DistanceWords.LABEL, DistanceWords.value(record.patchDistance()) + "  (lower = closer)")
                .setTooltip(DistanceWords.tooltip());
        fact(row++, "Style transfer", record.style());
        fact(row, "Review", switch (record.review()) {
            case KEPT -> "Kept";
            case REJECTED -> "Rejected";
            case UNREVIEWED -> "Not reviewed";
        });
        SampleCatalog catalog = gallery.catalogProperty().get();
        MaskStyle style = gallery.maskStyleProperty().get();
        loader.execute(() -> {
            try {
                var picture = MaskedImages.render(MaskedImages.enlarged(MaskedImages.readPair(
                        catalog.imageFile(record.name()), catalog.maskFile(record.name())), factor), style);
                ui.execute(() -> {
                    if (record.equals(gallery.focusedProperty().get())) {
                        image.setImage(picture);
                    }
                });
            } catch (Exception e) {
                LOG.warn("Cannot show {}: {}", record.name(), e.getMessage());
            }
        });
    }

    /** Adds a row; returns its value's label. */
    private Label fact(int row, String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        Label text = new Label(value);
        text.setId("detail-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        facts.addRow(row, label, text);
        return text;
    }
}
