package org.singanseg.studio.ui.compare;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.ui.common.UserMessages;
import org.singanseg.studio.ui.gallery.DistanceWords;
import org.singanseg.studio.ui.gallery.Enlargement;
import org.singanseg.studio.ui.gallery.GalleryModel;
import org.singanseg.studio.ui.gallery.MaskStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Compare step: the real pair and the gallery's focused synthetic pair side by side, zoom and
 * pan locked together, masks drawn the same way on both; beside them the colour histograms of both
 * in one chart, the mask figures of each and the synthetic image's patch distance to the real one.
 * Left / right arrows step through the gallery's shown samples.
 */
public final class CompareView extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(CompareView.class);

    private final GalleryModel gallery;
    private final Supplier<Project> project;
    private final Executor loader;
    private final Executor ui;
    private final LinkedViewport viewport = new LinkedViewport();
    private final ImagePane realPane = new ImagePane(viewport);
    private final ImagePane syntheticPane = new ImagePane(viewport);
    private final Label syntheticTitle = new Label();
    /** The sample's own size when it is shown enlarged. */
    private final Label syntheticNote = new Label();
    private final HistogramChart histograms = new HistogramChart();
    private final GridPane figures = new GridPane();
    private SideFacts real;
    /** What {@link #real} was read from: the project, its mask file's time (the mask may be edited), the style. */
    private Object realKey;
    private long request;

    public CompareView(GalleryModel gallery, Supplier<Project> project, Executor loader, Executor ui) {
        this.gallery = gallery;
        this.project = project;
        this.loader = loader;
        this.ui = ui;
        setId("compare-view");

        Label realTitle = new Label("Real");
        realTitle.getStyleClass().add("panel-title");
        syntheticTitle.getStyleClass().add("panel-title");
        syntheticTitle.setId("compare-synthetic-title");
        VBox realSide = new VBox(4, realTitle, realPane);
        syntheticNote.setId("compare-enlarged");
        syntheticNote.getStyleClass().add("hint");
        syntheticNote.setWrapText(true);
        syntheticNote.visibleProperty().bind(syntheticNote.textProperty().isNotEmpty());
        syntheticNote.managedProperty().bind(syntheticNote.visibleProperty());
        VBox syntheticSide = new VBox(4, syntheticTitle, syntheticPane);
        VBox.setVgrow(realPane, Priority.ALWAYS);
        VBox.setVgrow(syntheticPane, Priority.ALWAYS);
        HBox.setHgrow(realSide, Priority.ALWAYS);
        HBox.setHgrow(syntheticSide, Priority.ALWAYS);
        realSide.setPrefWidth(10);
        syntheticSide.setPrefWidth(10);
        HBox images = new HBox(8, realSide, syntheticSide);
        VBox.setVgrow(images, Priority.ALWAYS);
        VBox imagesAndNote = new VBox(4, images, syntheticNote);
        imagesAndNote.setPadding(new Insets(8));

        figures.setId("compare-figures");
        figures.setHgap(14);
        figures.setVgap(4);
        VBox facts = new VBox(12, histograms, figures);
        facts.setPadding(new Insets(8));
        facts.setPrefWidth(420);
        facts.getStyleClass().add("side-panel");

        setTop(toolBar());
        setCenter(imagesAndNote);
        setRight(facts);
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) {
                step(e.getCode() == KeyCode.RIGHT ? 1 : -1);
                e.consume();
            }
        });
        setOnMouseClicked(e -> requestFocus());
        visibleProperty().addListener((obs, old, shown) -> {
            refresh();
            if (shown) {
                requestFocus(); // for the arrow keys
            }
        });
        gallery.focusedProperty().addListener((obs, old, record) -> refresh());
        gallery.maskStyleProperty().addListener((obs, old, style) -> refresh());
    }

    /** Shows the gallery's focused sample, while this step is the one shown. */
    private void refresh() {
        if (!isVisible()) {
            return;
        }
        Project current = project.get();
        SampleRecord record = gallery.focusedProperty().get();
        SampleCatalog catalog = gallery.catalogProperty().get();
        if (record == null && !gallery.shown().isEmpty()) {
            gallery.click(gallery.shown().get(0), false, false);
            return;
        }
        syntheticTitle.setText(record == null ? "Synthetic: generate samples in the Gallery first"
                : "Synthetic " + record.name());
        if (current == null) {
            return;
        }
        MaskStyle style = gallery.maskStyleProperty().get();
        long ticket = ++request;
        Object lastKey = realKey;
        SideFacts lastReal = real;
        loader.execute(() -> {
            try {
                Object key = List.of(current, Files.getLastModifiedTime(current.maskFile()), style);
                SideFacts realSide = key.equals(lastKey) ? lastReal
                        : SideFacts.read(current.imageFile(), current.maskFile(), style, 0);
                // A small sample is enlarged to about the real image's size, so outlines stay fine.
                SideFacts synthetic = record == null || catalog == null ? null
                        : SideFacts.read(catalog.imageFile(record.name()), catalog.maskFile(record.name()), style,
                        Math.max(realSide.width(), realSide.height()));
                ui.execute(() -> {
                    if (ticket == request) {
                        real = realSide;
                        realKey = key;
                        show(realSide, synthetic, record);
                    }
                });
            } catch (Exception e) {
                LOG.warn("Cannot compare", e);
                ui.execute(() -> {
                    if (ticket == request) {
                        syntheticTitle.setText("Cannot show the pair: " + UserMessages.describe(e));
                    }
                });
            }
        });
    }

    private void show(SideFacts realSide, SideFacts synthetic, SampleRecord record) {
        syntheticNote.setText(synthetic == null ? "" : Enlargement.note(synthetic.width(), synthetic.height(), synthetic.enlarged()));
        realPane.setImage(realSide.picture());
        syntheticPane.setImage(synthetic == null ? null : synthetic.picture());
        figures.getChildren().clear();
        figures.addRow(0, new Label(""), heading("Real"), heading("Synthetic"));
        figures.addRow(1, new Label("Size"), value(size(realSide)), value(synthetic == null ? "–" : size(synthetic)));
        figures.addRow(2, new Label("Mask area"), value(area(realSide)), value(synthetic == null ? "–" : area(synthetic)));
        figures.addRow(3, new Label("Mask regions"), value(Integer.toString(realSide.mask().regions())),
                value(synthetic == null ? "–" : Integer.toString(synthetic.mask().regions())));
        Label distance = value(record == null || Double.isNaN(record.patchDistance()) ? "–"
                : DistanceWords.value(record.patchDistance()));
        distance.setId("compare-distance");
        distance.setTooltip(DistanceWords.tooltip());
        Label distanceTitle = new Label(DistanceWords.LABEL + " (lower = closer)");
        distanceTitle.setTooltip(DistanceWords.tooltip());
        figures.addRow(4, distanceTitle, value("0 (reference)"), distance);
        if (synthetic != null) {
            histograms.show(realSide.histograms(), synthetic.histograms());
        } else {
            histograms.getData().clear();
        }
    }

    private void step(int by) {
        SampleRecord next = gallery.neighbour(by);
        if (next != null) {
            gallery.click(next, false, false);
        }
    }

    private ToolBar toolBar() {
        Button previous = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_LEFT));
        previous.setTooltip(new Tooltip("Previous sample (Left arrow)"));
        previous.setOnAction(e -> step(-1));
        Button next = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setTooltip(new Tooltip("Next sample (Right arrow)"));
        next.setId("compare-next");
        next.setOnAction(e -> step(1));
        Button fit = new Button("Fit", new FontIcon(MaterialDesignF.FIT_TO_PAGE_OUTLINE));
        fit.setTooltip(new Tooltip("Show both images whole (wheel zooms, drag pans; both move together)"));
        fit.setOnAction(e -> viewport.fit());
        ChoiceBox<MaskStyle> style = new ChoiceBox<>();
        style.getItems().setAll(MaskStyle.values());
        style.valueProperty().bindBidirectional(gallery.maskStyleProperty());
        return new ToolBar(previous, next, fit, new Label("Mask"), style);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label value(String text) {
        return new Label(text);
    }

    private static String size(SideFacts side) {
        return side.width() + " × " + side.height();
    }

    private static String area(SideFacts side) {
        return String.format(Locale.ROOT, "%.1f %%", side.mask().coverage() * 100);
    }
}
