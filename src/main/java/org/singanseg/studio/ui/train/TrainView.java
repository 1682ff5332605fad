package org.singanseg.studio.ui.train;

import java.util.List;
import java.util.Locale;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.ui.common.WarningBanner;
import org.singanseg.studio.ui.train.TrainingViewModel.RunState;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Train step: preset and advanced settings, start / pause / stop / resume, what the run says
 * (and whether the saved model is out of date), the pyramid strip, how training goes in words and
 * as curves of the selected scale, previews of the current scale, and overall progress. Engine
 * reports are applied four times a second from a timer, never waited for.
 */
public final class TrainView extends BorderPane {
    private static final Duration REFRESH = Duration.millis(250);

    private final TrainingViewModel model;
    private final TrainingService service;
    private final TrainingController controller;
    private final SettingsForm form = new SettingsForm();
    private final HBox strip = new HBox(6);
    private final LossChart chart = new LossChart();
    private final PreviewColumn previews = new PreviewColumn();
    /** Why the typed settings cannot be used; empty when they can. */
    private final StringProperty formProblem = new SimpleStringProperty("");
    private final BooleanBinding busy;
    private long drawnRevision = -1;
    private String drawnStrip = "";

    /** @param openGallery shows the Gallery step, where a finished model's pairs are made */
    public TrainView(TrainingViewModel model, TrainingService service, TrainingController controller, Runnable openGallery) {
        this.model = model;
        this.service = service;
        this.controller = controller;
        getStyleClass().add("train-view");
        var state = model.stateProperty();
        busy = state.isEqualTo(RunState.RUNNING).or(state.isEqualTo(RunState.PAUSED)).or(state.isEqualTo(RunState.STOPPING));
        form.show(model.settingsProperty().get());

        setTop(new VBox(controls(openGallery), settingsPane()));
        SplitPane centre = new SplitPane(chartPane(), previews);
        centre.setDividerPositions(0.62);
        setCenter(centre);
        setBottom(progressPane());
        strip.setId("scale-strip");

        model.selectedScaleProperty().addListener((obs, old, scale) -> drawnRevision = -1);
        model.previewProperty().addListener((obs, old, preview) -> previews.show(preview == null ? null
                : List.of(PreviewImages.withMask(preview.real()), PreviewImages.withMask(preview.reconstruction()),
                PreviewImages.withMask(preview.sample()))));
        model.settingsProperty().addListener((obs, old, settings) -> form.show(settings));
        previews.noteProperty().bind(Bindings.createStringBinding(() -> model.previewProperty().get() == null
                        ? "Previews of the scale in training appear here a few seconds after it starts."
                        : !busy.get() && !service.staleModelWarning().get().isEmpty()
                        ? "From the earlier training, on what the model was trained on then." : "",
                model.previewProperty(), busy, service.staleModelWarning()));

        Timeline refresh = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    /** Starts a new training with the settings shown (after the controller's checks), as Start does. */
    public void startTraining() {
        try {
            TrainingSettings chosen = form.read();
            formProblem.set("");
            controller.start(chosen);
        } catch (IllegalArgumentException invalid) {
            formProblem.set("Check the settings: " + invalid.getMessage());
        }
    }

    /** Applies queued engine reports and redraws the strip and chart where they changed. */
    private void refresh() {
        model.applyPending();
        String signature = stripSignature();
        if (!signature.equals(drawnStrip)) {
            drawnStrip = signature;
            rebuildStrip();
        }
        if (model.lossesRevisionProperty().get() != drawnRevision) {
            drawnRevision = model.lossesRevisionProperty().get();
            int scale = model.selectedScaleProperty().get();
            chart.show(scale, scale < 0 ? List.of() : model.losses(scale).points());
        }
    }

    private Node controls(Runnable openGallery) {
        ToggleGroup presets = new ToggleGroup();
        HBox presetButtons = new HBox();
        presetButtons.getStyleClass().add("preset-buttons");
        for (Preset preset : Preset.CHOICES) {
            presetButtons.getChildren().add(presetButton(preset, presets));
        }

        Button startButton = new Button("Start training", new FontIcon(MaterialDesignP.PLAY));
        startButton.setId("train-start");
        startButton.defaultButtonProperty().bind(visibleProperty()); // Enter starts only while this step shows
        startButton.setOnAction(e -> startTraining());
        Button resumeSaved = new Button("Resume", new FontIcon(MaterialDesignR.RESTORE));
        resumeSaved.setId("train-resume-saved");
        resumeSaved.setTooltip(new Tooltip("Continue the saved training from its last finished scale"));
        resumeSaved.setOnAction(e -> controller.resumeSaved());
        Button pause = new Button();
        pause.setId("train-pause");
        pause.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(RunState.PAUSED))
                .then("Continue").otherwise("Pause"));
        pause.setGraphic(new FontIcon(MaterialDesignP.PAUSE));
        pause.setOnAction(e -> {
            if (model.stateProperty().get() == RunState.PAUSED) {
                service.unpause();
            } else {
                service.pause();
            }
        });
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("train-stop");
        stop.setTooltip(new Tooltip("Stop after this iteration; finished scales stay saved"));
        stop.setOnAction(e -> service.cancel());
        Button gallery = new Button("Go to Gallery", new FontIcon(MaterialDesignA.ARROW_RIGHT_BOLD));
        gallery.setId("train-open-gallery");
        gallery.setOnAction(e -> openGallery.run());
        gallery.visibleProperty().bind(model.stateProperty().isEqualTo(RunState.FINISHED)
                .and(service.staleModelWarning().isEmpty()));
        gallery.managedProperty().bind(gallery.visibleProperty());

        var active = model.stateProperty().isEqualTo(RunState.RUNNING).or(model.stateProperty().isEqualTo(RunState.PAUSED));
        startButton.disableProperty().bind(busy);
        presetButtons.disableProperty().bind(busy);
        pause.disableProperty().bind(active.not());
        stop.disableProperty().bind(active.not());
        resumeSaved.disableProperty().bind(busy.or(Bindings.createBooleanBinding(
                () -> service.savedProperty().get() == null || !service.savedProperty().get().resumable(), service.savedProperty())));

        Label banner = new Label();
        banner.setId("train-message");
        banner.textProperty().bind(Bindings.when(formProblem.isEmpty()).then(service.messageProperty()).otherwise(formProblem));
        banner.setWrapText(true);
        HBox message = new HBox(10, banner, gallery);
        message.setAlignment(Pos.CENTER_LEFT);
        message.visibleProperty().bind(banner.textProperty().isNotEmpty().or(gallery.visibleProperty()));
        message.managedProperty().bind(message.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Preset"), presetButtons, startButton, resumeSaved, pause, stop, spacer);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, bar, message, staleWarning());
        box.setPadding(new Insets(8, 10, 4, 10));
        return box;
    }

    private ToggleButton presetButton(Preset preset, ToggleGroup group) {
        TrainingSettings settings = preset.settings();
        ToggleButton button = new ToggleButton(preset.title());
        button.textProperty().bind(Bindings.createStringBinding(() -> {
            Double seconds = model.presetDurationsProperty().get().get(preset);
            return seconds == null ? preset.title() : preset.title() + " · about " + Durations.describe(seconds);
        }, model.presetDurationsProperty()));
        button.setId("preset-" + preset.id());
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(describe(settings)));
        button.setOnAction(e -> {
            formProblem.set("");
            service.plan(settings);
        });
        button.setSelected(preset == model.settingsProperty().get().preset());
        model.settingsProperty().addListener((obs, old, shown) -> button.setSelected(preset == shown.preset()));
        return button;
    }

    /** Says when the saved model was trained on an older image or mask, with the obvious way out. */
    private Node staleWarning() {
        return new WarningBanner("train-stale", Bindings.when(busy).then("").otherwise(service.staleModelWarning()),
                "Retrain", MaterialDesignR.REFRESH, this::startTraining);
    }

    private Node settingsPane() {
        Button reset = new Button("Reset to preset");
        reset.setOnAction(e -> form.show(presetOf(model.settingsProperty().get()).settings()));
        VBox content = new VBox(8, form, reset);
        TitledPane advanced = new TitledPane("Advanced settings (hints show the paper's reference values)", content);
        advanced.setExpanded(false);
        advanced.setId("train-advanced");
        return advanced;
    }

    private Node chartPane() {
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setMinHeight(58);
        VBox box = new VBox(4, stripScroll, healthLine(), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    /** How training goes in one sentence; the figures behind it in the tooltip. */
    private Node healthLine() {
        Label line = new Label();
        line.setId("train-health");
        line.setWrapText(true);
        Tooltip figures = new Tooltip();
        figures.setWrapText(true);
        figures.setMaxWidth(460);
        figures.setShowDuration(Duration.seconds(30));
        line.setTooltip(figures);
        model.healthProperty().addListener((obs, old, health) -> showHealth(line, health));
        showHealth(line, model.healthProperty().get());
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static void showHealth(Label line, TrainingHealth health) {
        line.setText(health.summary());
        line.setGraphic(switch (health.level()) {
            case GOOD -> icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE, "health-good");
            case WATCH -> icon(MaterialDesignA.ALERT_OUTLINE, "health-watch");
            case PROBLEM -> icon(MaterialDesignA.ALERT_OCTAGON_OUTLINE, "health-problem");
            case UNKNOWN -> icon(MaterialDesignI.INFORMATION_OUTLINE, "health-unknown");
        });
        line.getTooltip().setText((health.details().isEmpty() ? "" : health.details() + "\n\n")
                + "Judged from the reconstruction error (it should fall at every scale) and from all figures staying "
                + "numbers. The curves below show every figure of the selected scale.");
    }

    private static FontIcon icon(org.kordamp.ikonli.Ikon code, String styleClass) {
        FontIcon icon = new FontIcon(code);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    private Node progressPane() {
        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label figures = new Label();
        figures.setId("train-figures");
        figures.textProperty().bind(Bindings.createStringBinding(this::progressText, model.progressProperty(),
                model.secondsLeftProperty(), model.iterationsPerSecondProperty(), model.stateProperty()));
        HBox box = new HBox(10, bar, figures);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 10, 6, 10));
        return box;
    }

    private String progressText() {
        String text = String.format(Locale.ROOT, "%.0f%%", model.progressProperty().get() * 100);
        if (model.stateProperty().get() == RunState.RUNNING) {
            double speed = model.iterationsPerSecondProperty().get();
            if (!Double.isNaN(speed)) {
                text += String.format(Locale.ROOT, " · %.1f iterations/s", speed);
            }
            if (!Double.isNaN(model.secondsLeftProperty().get())) {
                text += " · " + Durations.left(model.secondsLeftProperty().get());
            }
        }
        return text;
    }

    /** What the strip shows: every tile's size and state, and the selection. */
    private String stripSignature() {
        StringBuilder signature = new StringBuilder().append(model.selectedScaleProperty().get());
        for (ScaleTile tile : model.tiles()) {
            signature.append('|').append(tile.width()).append('x').append(tile.height()).append(tile.stateProperty().get());
        }
        return signature.toString();
    }

    private void rebuildStrip() {
        strip.getChildren().clear();
        for (ScaleTile tile : model.tiles()) {
            Label label = new Label(String.format(Locale.ROOT, "Scale %d\n%d × %d px", tile.index() + 1,
                    tile.width(), tile.height()));
            label.getStyleClass().addAll("scale-tile", "scale-" + tile.stateProperty().get().name().toLowerCase(Locale.ROOT));
            if (tile.index() == model.selectedScaleProperty().get()) {
                label.getStyleClass().add("scale-selected");
            }
            label.setId("scale-tile-" + tile.index());
            label.setTooltip(new Tooltip(switch (tile.stateProperty().get()) {
                case WAITING -> "Waiting";
                case TRAINING -> "Training now";
                case DONE -> "Done: click to see its curves";
            } + String.format(Locale.ROOT, "\nNetwork width %d (filters per layer; wider learns more detail, slower)",
                    tile.networkWidth())));
            label.setOnMouseClicked(e -> model.selectedScaleProperty().set(tile.index()));
            strip.getChildren().add(label);
        }
    }

    /** The preset "Reset to preset" goes back to: the settings' own, or the default for custom ones. */
    private static Preset presetOf(TrainingSettings settings) {
        return settings.preset() == Preset.CUSTOM ? Preset.DEFAULT : settings.preset();
    }

    private static String describe(TrainingSettings preset) {
        return String.format(Locale.ROOT, "%s: finest scale %d px, %d iterations per scale, %d/%d critic/generator steps, "
                        + "network width %d to %d", preset.preset(), preset.maxSize(), preset.iterations(), preset.criticSteps(),
                preset.generatorSteps(), preset.widthInitial(), preset.widthMax());
    }
}
