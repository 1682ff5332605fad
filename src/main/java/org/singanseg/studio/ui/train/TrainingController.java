package org.singanseg.studio.ui.train;

import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.controlsfx.control.Notifications;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.ui.common.Dialogs;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * The decisions around a training run that need the user: the mask must be ready, an existing
 * model is only replaced when they agree, the mask is saved first, and leaving the project or
 * closing the window during a run asks before stopping it.
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
     */
    public TrainingController(Window owner, TrainingService service, TrainingViewModel model, ObjectProperty<Project> project,
                              Supplier<MaskFigures> figures, Consumer<Runnable> saveMaskThen) {
        this.owner = owner;
        this.service = service;
        this.model = model;
        this.project = project;
        this.figures = figures;
        this.saveMaskThen = saveMaskThen;
        project.addListener((obs, old, opened) -> {
            if (opened != null) {
                model.startGeneration();
                model.messageProperty().set("");
                model.showPlan(opened.height(), opened.width());
                model.presetDurationsProperty().set(java.util.Map.of());
                service.inspect(opened);
                service.estimateDurations(opened);
            }
        });
        // A preset picked while idle: show the pyramid it would train.
        model.settingsProperty().addListener((obs, old, settings) -> {
            if (!service.isRunning() && project.get() != null) {
                model.showPlan(project.get().height(), project.get().width());
            }
        });
        model.stateProperty().addListener((obs, old, state) -> {
            if (state == TrainingViewModel.RunState.FINISHED) {
                Notifications.create().owner(owner).title("Training finished")
                        .text("The model is ready: generate synthetic pairs in the Gallery.").showInformation();
            }
        });
    }

    /** Starts a new training (false) or resumes the saved one (true), after the checks. */
    public void start(boolean resume) {
        Project current = project.get();
        if (current == null || service.isRunning()) {
            return;
        }
        if (!resume) {
            Optional<String> problem = TrainingReadiness.problem(figures.get());
            if (problem.isPresent()) {
                Dialogs.message(owner, Alert.AlertType.WARNING, "The mask is not ready for training", problem.get());
                return;
            }
            if (Files.exists(current.modelFile()) && !Dialogs.confirm(owner, "Replace the model?",
                    "This project already has a model (finished or not). A new training replaces it.", "Train anew", "Cancel")) {
                return;
            }
        }
        saveMaskThen.accept(() -> service.start(current, resume));
    }

    /** Before the project changes or the window closes: true when no run is active or the user stops it. */
    public boolean mayLeave() {
        if (!service.isRunning()) {
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
