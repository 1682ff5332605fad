package org.singanseg.studio.ui.train;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.singanseg.studio.core.gan.TrainingListener.IterationStats;
import org.singanseg.studio.core.gan.TrainingSettings;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Train step: preset and advanced settings, start / pause / stop / resume, the pyramid strip,
 * overall progress, live loss curves of the selected scale and previews of the current scale.
 * Engine reports are applied four times a second from a timer, never waited for.
 */
public final class TrainView extends BorderPane {
    private static final Duration REFRESH = Duration.millis(250);

    private final TrainingViewModel model;
    private final SettingsForm form = new SettingsForm();
    private final HBox strip = new HBox(6);
    private final LineChart<Number, Number> chart;
    private final Map<Loss, XYChart.Series<Number, Number>> series = new EnumMap<>(Loss.class);
    private final ImageView realView = previewView();
    private final ImageView reconstructionView = previewView();
    private final ImageView sampleView = previewView();
    private final Label banner = new Label();
    /** Why the typed settings cannot be used; empty when they can. */
    private final StringProperty formProblem = new SimpleStringProperty("");
    private long drawnRevision = -1;
    private String drawnStrip = "";

    public TrainView(TrainingViewModel model, TrainingService service, TrainingController controller) {
        this.model = model;
        getStyleClass().add("train-view");
        chart = lossChart();
        form.show(model.settingsProperty().get());

        setTop(new VBox(controls(model, service, controller), settingsPane()));
        SplitPane centre = new SplitPane(chartPane(), previews());
        centre.setDividerPositions(0.6);
        setCenter(centre);
        setBottom(progressPane());
        strip.setId("scale-strip");

        model.selectedScaleProperty().addListener((obs, old, scale) -> drawnRevision = -1);
        model.previewProperty().addListener((obs, old, preview) -> showPreview(preview));
        model.settingsProperty().addListener((obs, old, settings) -> form.show(settings));

        Timeline refresh = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    /** Applies queued engine reports and redraws the strip and chart where they changed. */
    private void refresh() {
        model.applyPending();
        String strip = stripSignature();
        if (!strip.equals(drawnStrip)) {
            drawnStrip = strip;
            rebuildStrip();
        }
        if (model.lossesRevisionProperty().get() != drawnRevision) {
            drawnRevision = model.lossesRevisionProperty().get();
            int scale = model.selectedScaleProperty().get();
            List<IterationStats> points = scale < 0 ? List.of() : model.losses(scale).points();
            for (Loss loss : Loss.values()) {
                List<XYChart.Data<Number, Number>> data = new java.util.ArrayList<>(points.size());
                for (IterationStats p : points) {
                    data.add(new XYChart.Data<>(p.iteration(), loss.of(p)));
                }
                series.get(loss).getData().setAll(data);
            }
            chart.setTitle(scale < 0 ? "Losses" : "Losses at scale " + (scale + 1));
        }
    }

    private Node controls(TrainingViewModel model, TrainingService service, TrainingController controller) {
        ToggleGroup presets = new ToggleGroup();
        HBox presetButtons = new HBox();
        presetButtons.getStyleClass().add("preset-buttons");
        for (String name : TrainingSettings.PRESETS) {
            TrainingSettings preset = TrainingSettings.preset(name);
            String title = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            ToggleButton button = new ToggleButton(title);
            button.textProperty().bind(Bindings.createStringBinding(() -> {
                Double seconds = model.presetDurationsProperty().get().get(name);
                return seconds == null ? title : title + " · about " + Durations.describe(seconds);
            }, model.presetDurationsProperty()));
            button.setId("preset-" + name);
            button.setToggleGroup(presets);
            button.setTooltip(new Tooltip(describe(preset)));
            button.setOnAction(e -> {
                formProblem.set("");
                service.plan(preset);
            });
            button.setSelected(name.equals(model.settingsProperty().get().preset()));
            model.settingsProperty().addListener((obs, old, shown) -> button.setSelected(name.equals(shown.preset())));
            presetButtons.getChildren().add(button);
        }

        Button startButton = new Button("Start training", new FontIcon(MaterialDesignP.PLAY));
        startButton.setId("train-start");
        startButton.defaultButtonProperty().bind(visibleProperty()); // Enter starts only while this step shows
        startButton.setOnAction(e -> {
            try {
                TrainingSettings chosen = form.read();
                formProblem.set("");
                controller.start(chosen);
            } catch (IllegalArgumentException invalid) {
                formProblem.set("Check the settings: " + invalid.getMessage());
            }
        });
        Button resumeSaved = new Button("Resume", new FontIcon(MaterialDesignR.RESTORE));
        resumeSaved.setId("train-resume-saved");
        resumeSaved.setTooltip(new Tooltip("Continue the saved training from its last finished scale"));
        resumeSaved.setOnAction(e -> controller.resumeSaved());
        Button pause = new Button();
        pause.setId("train-pause");
        pause.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(TrainingViewModel.RunState.PAUSED))
                .then("Continue").otherwise("Pause"));
        pause.setGraphic(new FontIcon(MaterialDesignP.PAUSE));
        pause.setOnAction(e -> {
            if (model.stateProperty().get() == TrainingViewModel.RunState.PAUSED) {
                service.unpause();
            } else {
                service.pause();
            }
        });
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("train-stop");
        stop.setTooltip(new Tooltip("Stop after this iteration; finished scales stay saved"));
        stop.setOnAction(e -> service.cancel());

        var state = model.stateProperty();
        var active = state.isEqualTo(TrainingViewModel.RunState.RUNNING).or(state.isEqualTo(TrainingViewModel.RunState.PAUSED));
        var busy = active.or(state.isEqualTo(TrainingViewModel.RunState.STOPPING));
        startButton.disableProperty().bind(busy);
        presetButtons.disableProperty().bind(busy);
        pause.disableProperty().bind(active.not());
        stop.disableProperty().bind(active.not());
        resumeSaved.disableProperty().bind(busy.or(Bindings.createBooleanBinding(
                () -> service.savedProperty().get() == null || !service.savedProperty().get().resumable(), service.savedProperty())));

        banner.setId("train-message");
        banner.textProperty().bind(Bindings.when(formProblem.isEmpty()).then(service.messageProperty()).otherwise(formProblem));
        banner.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Preset"), presetButtons, startButton, resumeSaved, pause, stop, spacer);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, bar, banner);
        box.setPadding(new Insets(8, 10, 4, 10));
        return box;
    }

    private Node settingsPane() {
        Button reset = new Button("Reset to preset");
        reset.setOnAction(e -> form.show(TrainingSettings.preset(presetOf(model.settingsProperty().get()))));
        VBox content = new VBox(8, form, reset);
        TitledPane advanced = new TitledPane("Advanced settings (hints show the paper's reference values)", content);
        advanced.setExpanded(false);
        advanced.setId("train-advanced");
        return advanced;
    }

    private Node chartPane() {
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setMinHeight(74);
        VBox box = new VBox(4, stripScroll, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private LineChart<Number, Number> lossChart() {
        NumberAxis iterations = new NumberAxis();
        iterations.setLabel("Iteration");
        iterations.setForceZeroInRange(true);
        NumberAxis value = new NumberAxis();
        value.setLabel("Loss");
        value.setForceZeroInRange(false);
        LineChart<Number, Number> lines = new LineChart<>(iterations, value);
        lines.setId("loss-chart");
        lines.setAnimated(false);
        lines.setCreateSymbols(false);
        for (Loss loss : Loss.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(loss.title());
            series.put(loss, s);
            lines.getData().add(s);
        }
        return lines;
    }

    private Node previews() {
        Label waiting = new Label("Previews of the scale in training appear here a few seconds after it starts.");
        waiting.setWrapText(true);
        waiting.visibleProperty().bind(model.previewProperty().isNull());
        waiting.managedProperty().bind(waiting.visibleProperty());
        VBox box = new VBox(8, waiting, captioned("Real image at this scale", realView),
                captioned("Reconstruction (fixed noise)", reconstructionView), captioned("Random sample", sampleView));
        box.setPadding(new Insets(8));
        box.setAlignment(Pos.TOP_CENTER);
        box.setId("train-previews");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
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
        if (model.stateProperty().get() == TrainingViewModel.RunState.RUNNING) {
            double speed = model.iterationsPerSecondProperty().get();
            if (!Double.isNaN(speed)) {
                text += String.format(Locale.ROOT, " · %.1f iterations/s", speed);
            }
            double left = model.secondsLeftProperty().get();
            if (!Double.isNaN(left)) {
                text += " · about " + Durations.describe(left) + " left";
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
            Label label = new Label(String.format(Locale.ROOT, "Scale %d\n%dx%d\nwidth %d", tile.index() + 1,
                    tile.width(), tile.height(), tile.networkWidth()));
            label.getStyleClass().addAll("scale-tile", "scale-" + tile.stateProperty().get().name().toLowerCase(Locale.ROOT));
            if (tile.index() == model.selectedScaleProperty().get()) {
                label.getStyleClass().add("scale-selected");
            }
            label.setId("scale-tile-" + tile.index());
            label.setTooltip(new Tooltip(switch (tile.stateProperty().get()) {
                case WAITING -> "Waiting";
                case TRAINING -> "Training now";
                case DONE -> "Done: click to see its curves";
            }));
            label.setOnMouseClicked(e -> model.selectedScaleProperty().set(tile.index()));
            strip.getChildren().add(label);
        }
    }

    private void showPreview(TrainingPreview preview) {
        if (preview == null) {
            return;
        }
        realView.setImage(PreviewImages.withMask(preview.real()));
        reconstructionView.setImage(PreviewImages.withMask(preview.reconstruction()));
        sampleView.setImage(PreviewImages.withMask(preview.sample()));
    }

    private static ImageView previewView() {
        ImageView view = new ImageView();
        view.setFitWidth(240);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        return view;
    }

    private static Node captioned(String caption, ImageView view) {
        VBox box = new VBox(2, new Label(caption), view);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static String presetOf(TrainingSettings settings) {
        return List.of(TrainingSettings.PRESETS).contains(settings.preset()) ? settings.preset() : "quick";
    }

    private static String describe(TrainingSettings preset) {
        return String.format(Locale.ROOT, "%s: finest scale %d px, %d iterations per scale, %d/%d critic/generator steps, "
                        + "width %d to %d", preset.preset(), preset.maxSize(), preset.iterations(), preset.criticSteps(),
                preset.generatorSteps(), preset.widthInitial(), preset.widthMax());
    }
}
