package org.singanseg.studio.ui.gallery;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.GenerationRequest;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.ui.common.Spinners;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Generate controls beside the gallery: how many pairs, the seed, the diversity (start scale)
 * with a live preview of four samples, the output size, and Generate / Cancel with progress.
 */
public final class GeneratePanel extends VBox {
    private static final int PREVIEW_SIZE = 112;

    private final GenerateService service;
    private final Supplier<Project> project;
    private final Supplier<SampleCatalog> catalog;
    private final Spinner<Integer> count = new Spinner<>(1, GenerationRequest.MAX_COUNT, 20, 10);
    private final TextField seed = new TextField();
    private final Slider diversity = new Slider(0, 1, 0);
    private final Label diversityValue = new Label();
    private final Spinner<Double> widthFactor = factorSpinner();
    private final Spinner<Double> heightFactor = factorSpinner();
    private final Label outputSize = new Label();
    private final List<ImageView> previews = List.of(new ImageView(), new ImageView(), new ImageView(), new ImageView());
    private final PauseTransition previewDelay = new PauseTransition(Duration.millis(250));
    private final ChoiceBox<StyleChoice> style = new ChoiceBox<>();
    private final CheckBox redrawSmallMasks = new CheckBox("Redraw pairs with an empty mask");
    private final StyleWeights weights;
    private GenerateService.ModelInfo info;

    /**
     * @param engineBusy true while training holds the engine: generating waits for it
     */
    public GeneratePanel(GenerateService service, Supplier<Project> project, Supplier<SampleCatalog> catalog,
                         StyleWeights weights, BooleanExpression engineBusy) {
        super(10);
        this.service = service;
        this.weights = weights;
        this.project = project;
        this.catalog = catalog;
        setId("generate-panel");
        getStyleClass().add("side-panel");
        setPadding(new Insets(12));
        setPrefWidth(280);
        setMinWidth(260);

        Label title = new Label("Generate");
        title.getStyleClass().add("panel-title");
        count.setEditable(true);
        count.setId("generate-count");
        count.setTooltip(new Tooltip("How many image/mask pairs to make (1 to 10,000)"));
        seed.setId("generate-seed");
        seed.setTooltip(new Tooltip("The same seed, model and settings give the same pairs"));
        newSeed();
        Button dice = new Button(null, new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        dice.setTooltip(new Tooltip("A new random seed"));
        dice.setOnAction(e -> {
            newSeed();
            schedulePreview();
        });
        HBox.setHgrow(seed, Priority.ALWAYS);

        diversity.setId("generate-diversity");
        diversity.setMajorTickUnit(1);
        diversity.setMinorTickCount(0);
        diversity.setSnapToTicks(true);
        diversity.setShowTickMarks(true);
        diversity.setBlockIncrement(1);
        diversity.setTooltip(new Tooltip("Left: new layouts, the most diverse samples. Right: keeps the real image's "
                + "layout and changes only details (the start scale of sampling)."));
        diversity.valueProperty().addListener((obs, old, value) -> {
            updateDiversityLabel();
            schedulePreview();
        });
        HBox ends = new HBox(new Label("Most diverse"), spacer(), new Label("Closest to real"));
        ends.getStyleClass().add("hint");

        GridPane previewGrid = new GridPane();
        previewGrid.setHgap(4);
        previewGrid.setVgap(4);
        previewGrid.setId("generate-preview");
        for (int i = 0; i < previews.size(); i++) {
            ImageView view = previews.get(i);
            view.setFitWidth(PREVIEW_SIZE);
            view.setFitHeight(PREVIEW_SIZE);
            view.setPreserveRatio(true);
            previewGrid.add(view, i % 2, i / 2);
        }
        previewDelay.setOnFinished(e -> refreshPreview());

        widthFactor.valueProperty().addListener((obs, old, value) -> updateOutputSize());
        heightFactor.valueProperty().addListener((obs, old, value) -> updateOutputSize());
        GridPane size = new GridPane();
        size.setHgap(6);
        size.setVgap(4);
        size.addRow(0, new Label("Width ×"), widthFactor);
        size.addRow(1, new Label("Height ×"), heightFactor);

        style.setId("generate-style");
        style.getItems().setAll(StyleChoice.values());
        style.setValue(StyleChoice.NONE);
        style.setTooltip(new Tooltip("Also store a copy of every pair with the real image's look carried over "
                + "(the mask stays the same)"));

        redrawSmallMasks.setId("generate-redraw");
        redrawSmallMasks.setSelected(true);
        redrawSmallMasks.selectedProperty().addListener((obs, old, value) -> schedulePreview());
        redrawSmallMasks.setWrapText(true);
        redrawSmallMasks.setTooltip(new Tooltip("A pair whose mask covers under " + MaskFloor.DEFAULT.percent()
                + " of the image (or under half the real polyp's share, for a smaller polyp) is drawn again, up to "
                + MaskFloor.MAX_DRAWS + " times: an image that looks like a polyp but has no mask teaches a "
                + "segmentation model to miss polyps."));

        Button generate = new Button("Generate", new FontIcon(MaterialDesignP.PLAY));
        generate.setId("generate-start");
        generate.disableProperty().bind(service.runningProperty().or(engineBusy));
        generate.setOnAction(e -> start());
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignS.STOP));
        cancel.setId("generate-cancel");
        cancel.disableProperty().bind(service.runningProperty().not());
        cancel.setOnAction(e -> service.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(service.progressProperty());
        progress.visibleProperty().bind(service.runningProperty());
        Label message = new Label();
        message.setId("generate-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.when(engineBusy.and(service.runningProperty().not()))
                .then("Training is running; generating can start when it ends.").otherwise(service.messageProperty()));

        getChildren().addAll(title, labelled("Pairs", count), labelled("Seed", new HBox(4, seed, dice)),
                labelled("Diversity", new VBox(2, diversity, ends, diversityValue)), previewGrid,
                labelled("Output size", new VBox(4, size, outputSize)), labelled("Style transfer", style),
                redrawSmallMasks, new HBox(8, generate, cancel), progress, message);
    }

    /** Called when the project's model is known: sets the slider's range and shows a preview. */
    public void modelChanged() {
        info = null;
        previews.forEach(v -> v.setImage(null));
        Project current = project.get();
        if (current == null) {
            return;
        }
        service.describe(current.modelFile(), described -> {
            info = described;
            diversity.setMax(Math.max(1, described.scales() - 1));
            diversity.setDisable(described.scales() < 2);
            diversity.setValue(Math.min(diversity.getValue(), described.scales() - 1));
            updateDiversityLabel();
            updateOutputSize();
            refreshPreview();
        });
    }

    private void start() {
        Project current = project.get();
        SampleCatalog target = catalog.get();
        if (current == null || target == null || info == null) {
            return;
        }
        Long chosenSeed = parsedSeed();
        if (chosenSeed == null) {
            service.messageProperty().set("The seed must be a whole number, e.g. " + new SecureRandom().nextInt(1_000_000) + ".");
            return;
        }
        if (!Spinners.commit(count, widthFactor, heightFactor)) {
            service.messageProperty().set("Pairs, width and height must be numbers (pairs: 1 to 10,000; sizes: 0.25 to 4).");
            return;
        }
        StyleChoice chosen = style.getValue();
        if (chosen.needsWeights() && !StyleWeights.present()) {
            weights.ensure(this::start); // starts again with what is then current
            return;
        }
        service.generate(current, current.modelFile(), target, new GenerationRequest(count.getValue(), chosenSeed,
                startScale(), widthFactor.getValue(), heightFactor.getValue(),
                maskFloor()), chosen);
    }

    /** Styled copies of the given samples, with a method the user picks. */
    public void styleSelected(List<SampleRecord> sources) {
        Project current = project.get();
        SampleCatalog target = catalog.get();
        if (current == null || target == null || sources.isEmpty() || service.runningProperty().get()) {
            return;
        }
        ChoiceDialog<StyleChoice> ask = new ChoiceDialog<>(StyleChoice.COLOUR, StyleChoice.NEURAL, StyleChoice.COLOUR);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Style transfer");
        ask.setHeaderText("Carry the real image's look onto " + sources.size() + " selected pair"
                + (sources.size() == 1 ? "" : "s") + ". The styled copies sit beside them; masks stay the same.");
        ask.setContentText("Method");
        ask.showAndWait().ifPresent(chosen -> whenStyleReady(chosen,
                () -> service.style(current, current.modelFile(), target, sources, chosen)));
    }

    private void whenStyleReady(StyleChoice chosen, Runnable then) {
        if (chosen.needsWeights()) {
            weights.ensure(then);
        } else {
            then.run();
        }
    }

    private void schedulePreview() {
        if (info != null) {
            previewDelay.playFromStart();
        }
    }

    private MaskFloor maskFloor() {
        return redrawSmallMasks.isSelected() ? MaskFloor.DEFAULT : MaskFloor.NONE;
    }

    private void refreshPreview() {
        Project current = project.get();
        Long chosenSeed = parsedSeed();
        if (current == null || info == null || chosenSeed == null) {
            return;
        }
        service.preview(current.modelFile(), startScale(), chosenSeed, maskFloor(), images -> {
            for (int i = 0; i < previews.size(); i++) {
                previews.get(i).setImage(i < images.size() ? images.get(i) : null);
            }
        });
    }

    private int startScale() {
        return (int) Math.round(diversity.getValue());
    }

    /** Counted as the command line's generate --start-scale: from 0, of all the model's scales. */
    private void updateDiversityLabel() {
        int scales = info == null ? 0 : info.scales();
        diversityValue.setText(String.format(Locale.ROOT, "Start scale %d of %d", startScale(), scales));
        diversityValue.setTooltip(new Tooltip(String.format(Locale.ROOT, "This model has %d scales, numbered 0 (the "
                + "coarsest, most diverse) to %d, as the command line's generate --start-scale counts them.", scales,
                Math.max(0, scales - 1))));
    }

    private void updateOutputSize() {
        if (info != null && widthFactor.getValue() != null && heightFactor.getValue() != null) {
            outputSize.setText(String.format(Locale.ROOT, "%d × %d pixels",
                    Math.round(info.width() * widthFactor.getValue()), Math.round(info.height() * heightFactor.getValue())));
        }
    }

    private void newSeed() {
        seed.setText(Long.toString(new SecureRandom().nextInt(Integer.MAX_VALUE)));
    }

    private Long parsedSeed() {
        try {
            return Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Spinner<Double> factorSpinner() {
        Spinner<Double> spinner = new Spinner<>(0.25, 4.0, 1.0, 0.25);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        return spinner;
    }

    private static VBox labelled(String text, javafx.scene.Node content) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return new VBox(3, label, content);
    }

    private static Region spacer() {
        Region region = new Region();
        HBox.setHgrow(region, Priority.ALWAYS);
        return region;
    }
}
