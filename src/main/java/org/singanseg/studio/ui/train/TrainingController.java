package org.singanseg.studio.ui.train;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.controlsfx.control.Notifications;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.ui.common.Dialogs;
import org.singanseg.studio.ui.common.StatusModel;
import org.singanseg.studio.ui.train.TrainingViewModel.RunState;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * The decisions around a training run that need the user: the mask must be ready, an existing
 * model is only replaced when they agree, the mask is saved first, and leaving the project or
 * closing the window during a run asks before stopping it. Also what the window says of the run
 * outside the Train step: its progress in the status bar, its outcome there and in a toast.
 */
public final class TrainingController {
    private final Window owner;
    private final TrainingService service;
    private final TrainingViewModel model;
    private final ObjectProperty<Project> project;
    private final Supplier<MaskFigures> figures;
    private final Consumer<Runnable> saveMaskThen;

    /**
     * @param saveMaskThen writes pending mask edits, then runs the given step (not when the write failed)
     * @param status       shows the run's progress while it goes, and its outcome after it (the toast may be missed)
     */
    public TrainingController(Window owner, TrainingService service, TrainingViewModel model, ObjectProperty<Project> project,
                              Supplier<MaskFigures> figures, Consumer<Runnable> saveMaskThen, StatusModel status) {
        this.owner = owner;
        this.service = service;
        this.model = model;
        this.project = project;
        this.figures = figures;
        this.saveMaskThen = saveMaskThen;
        project.addListener((obs, old, opened) -> {
            if (opened != null) {
                service.open(opened, model.settingsProperty().get());
            }
        });
        status.activityProperty().bind(Bindings.createStringBinding(this::activity, model.stateProperty(),
                model.progressProperty(), model.secondsLeftProperty(), service.messageProperty()));
        status.activityProgressProperty().bind(model.progressProperty());
        model.stateProperty().addListener((obs, old, state) -> {
            if (state == RunState.FINISHED || state == RunState.CANCELLED || state == RunState.FAILED) {
                status.messageProperty().set(service.messageProperty().get());
            }
            if (state == RunState.FINISHED) {
                Notifications.create().owner(owner).title("Training finished")
                        .text("The model is ready: generate synthetic pairs in the Gallery.").showInformation();
            }
        });
    }

    /** The run in the status bar: what it does, how far it is, the time left. */
    private String activity() {
        String done = String.format(Locale.ROOT, "%.0f%%", model.progressProperty().get() * 100);
        return switch (model.stateProperty().get()) {
            case RUNNING -> String.join(" · ", Stream.of(service.messageProperty().get(), done,
                    Durations.left(model.secondsLeftProperty().get())).filter(s -> !s.isEmpty()).toList());
            case PAUSED -> "Training paused at " + done;
            case STOPPING -> "Stopping the training…";
            default -> "";
        };
    }

    /** Starts a new training with these settings, after the checks. */
    public void start(TrainingSettings settings) {
        Project current = project.get();
        if (current == null || service.runningProperty().get()) {
            return;
        }
        Optional<String> problem = TrainingReadiness.problem(figures.get());
        if (problem.isPresent()) {
            Dialogs.message(owner, Alert.AlertType.WARNING, "The mask is not ready for training", problem.get());
            return;
        }
        if (Files.exists(current.modelFile()) && !Dialogs.confirm(owner, "Replace the model?",
                "This project already has a model (finished or not). A new training replaces it.", "Train anew", "Cancel")) {
            return;
        }
        saveMaskThen.accept(() -> service.start(current, settings));
    }

    /** Continues the saved, unfinished training. */
    public void resumeSaved() {
        Project current = project.get();
        if (current != null && !service.runningProperty().get()) {
            saveMaskThen.accept(() -> service.resumeSaved(current));
        }
    }

    /** Before the project changes or the window closes: true when no run is active or the user stops it. */
    public boolean mayLeave() {
        if (!service.runningProperty().get()) {
            return true;
        }
        boolean stop = Dialogs.confirm(owner, "Training is running",
                "Stop the training? Every finished scale is saved; Resume continues from there later.",
                "Stop training", "Keep training");
        if (stop) {
            service.cancel();
        }
        return stop;
    }
}
