package org.singanseg.studio.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.singanseg.studio.core.gan.DurationEstimator;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainedScale;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Runs training on the engine thread for the Train step: start, pause, resume, cancel, and a look
 * at the project's model file (finished, or a checkpoint to resume). Control methods are called on
 * the UI thread and only set flags; the engine reports back through the view model's queue.
 */
public final class TrainingService {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    private final Executor engine;
    private final TrainingViewModel view;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final Object pauseLock = new Object();
    private boolean pauseRequested;
    private volatile boolean running;
    /** The project the view shows (UI thread); reports of a run for another project are dropped. */
    private Project shown;
    private final ObjectProperty<SavedRun> saved = new SimpleObjectProperty<>();

    public TrainingService(Executor engine, TrainingViewModel view) {
        this.engine = engine;
        this.view = view;
    }

    /** The project's model on disk (null when there is none); updated after every scale. */
    public ObjectProperty<SavedRun> savedProperty() {
        return saved;
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Trains on the project's image and mask files with the view model's settings, or continues
     * the project's checkpoint ({@code resume}) with the settings saved in it.
     */
    public void start(Project project, boolean resume) {
        if (running) {
            return;
        }
        running = true;
        shown = project;
        cancelRequested.set(false);
        setPaused(false);
        TrainingSettings chosen = view.settingsProperty().get();
        view.stateProperty().set(TrainingViewModel.RunState.RUNNING);
        view.messageProperty().set(resume ? "Resuming…" : "Preparing the image pyramid…");
        engine.execute(() -> train(project, resume, chosen));
    }

    public void pause() {
        if (running) {
            setPaused(true);
            view.stateProperty().set(TrainingViewModel.RunState.PAUSED);
            view.messageProperty().set("Paused. Resume continues from the same iteration.");
        }
    }

    public void resume() {
        if (running) {
            setPaused(false);
            view.stateProperty().set(TrainingViewModel.RunState.RUNNING);
        }
    }

    /** Stops within one iteration; finished scales stay saved and can be resumed. */
    public void cancel() {
        if (running) {
            cancelRequested.set(true);
            setPaused(false);
            view.stateProperty().set(TrainingViewModel.RunState.STOPPING);
            view.messageProperty().set("Stopping after this iteration…");
        }
    }

    /**
     * Times a few real iterations on the project's image (a few seconds of engine time) and shows
     * each preset's expected duration on this machine.
     */
    public void estimateDurations(Project project) {
        engine.execute(() -> {
            if (running) {
                return;
            }
            try {
                // The timing needs the image only: the mask may still be empty.
                Planes image = ImageFiles.read(project.imageFile());
                TrainingPair pair = new TrainingPair(TrainingPair.toRgb(image), new boolean[image.width() * image.height()],
                        project.name());
                DurationEstimator estimator = DurationEstimator.calibrate(pair);
                Map<String, Double> seconds = new HashMap<>();
                for (String preset : TrainingSettings.PRESETS) {
                    try {
                        seconds.put(preset, estimator.seconds(TrainingSettings.preset(preset), project.height(), project.width()));
                    } catch (IllegalArgumentException unfit) {
                        LOG.info("Preset {} does not fit {}: {}", preset, project.name(), unfit.getMessage());
                    }
                }
                view.post(() -> view.presetDurationsProperty().set(Map.copyOf(seconds)));
            } catch (Exception e) {
                LOG.info("No duration estimate for {}: {}", project.name(), e.getMessage());
            }
        });
    }

    /** Reads the project's model file on the engine thread and shows its finished scales and curves. */
    public void inspect(Project project) {
        shown = project;
        saved.set(null);
        engine.execute(() -> {
            Path file = project.modelFile();
            if (!Files.isRegularFile(file)) {
                return;
            }
            try {
                SinGanModel model = ModelFile.load(file);
                SourceInfo current = currentSource(project);
                showSaved(project, model, model.source() != null && model.source().sameFilesAs(current));
            } catch (Exception e) {
                LOG.warn("Model {} not usable", file, e);
                view.post(() -> view.messageProperty().set("The project's model cannot be used: "
                        + UserMessages.describe(e) + " Train again to replace it."));
            }
        });
    }

    private void train(Project project, boolean resume, TrainingSettings chosen) {
        Path file = project.modelFile();
        try {
            TrainingPair pair = TrainingPair.load(project.imageFile(), project.maskFile());
            SourceInfo source = SourceInfo.of(project.imageFile(), project.maskFile(), pair);
            SinGanModel checkpoint = resume ? checkpoint(file, source) : null;
            TrainingSettings settings = checkpoint != null ? checkpoint.settings() : chosen;
            if (checkpoint != null) {
                showSaved(project, checkpoint, true);
            }
            new Trainer(settings, view.listener(), this::shouldStop).train(pair, source, checkpoint, model -> {
                ModelFile.save(model, file);
                showSaved(project, model, true);
            });
            finish(project, TrainingViewModel.RunState.FINISHED, "Training finished. The model is saved in " + file.getFileName()
                    + "; go to the Gallery to generate synthetic pairs.");
        } catch (CancellationException e) {
            finish(project, TrainingViewModel.RunState.CANCELLED, "Training stopped. Finished scales are saved: Resume continues from there.");
        } catch (Throwable e) {
            LOG.error("Training failed", e);
            finish(project, TrainingViewModel.RunState.FAILED, "Training stopped: " + UserMessages.describe(e));
        }
    }

    private SinGanModel checkpoint(Path file, SourceInfo source) throws Exception {
        SinGanModel model = ModelFile.load(file);
        if (model.source() == null || !model.source().sameFilesAs(source)) {
            throw new InvalidInputException("The image or mask changed since this training started, so it cannot be "
                    + "resumed. Start a new training.");
        }
        return model;
    }

    private void showSaved(Project project, SinGanModel model, boolean matches) {
        int finished = model.scales().size();
        SavedRun run = new SavedRun(finished, model.pyramid().scales(), model.settings(), matches);
        int[] networkWidths = model.settings().widths(model.pyramid().scales());
        var histories = model.scales().stream().map(TrainedScale::losses).toList();
        view.post(() -> {
            if (project != shown) {
                return;
            }
            saved.set(run);
            if (!running || view.tiles().size() != networkWidths.length) {
                view.showPyramid(model.pyramid().heights(), model.pyramid().widths(), networkWidths, finished,
                        model.settings().iterations());
            }
            for (int k = 0; k < histories.size(); k++) {
                if (view.losses(k).size() == 0) {
                    view.restoreLosses(k, histories.get(k).stats(k));
                }
            }
            if (!running) {
                view.messageProperty().set(run.complete()
                        ? "A trained model is ready (" + finished + " scales). Train again to replace it."
                        : String.format(Locale.ROOT, "An unfinished training was found: %d of %d scales done.%s", finished,
                        run.scales(), run.matchesCurrentMask() ? " Resume continues it." : " The mask has changed since, so it cannot be resumed."));
            }
        });
    }

    private SourceInfo currentSource(Project project) throws Exception {
        TrainingPair pair = TrainingPair.load(project.imageFile(), project.maskFile());
        return SourceInfo.of(project.imageFile(), project.maskFile(), pair);
    }

    private void finish(Project project, TrainingViewModel.RunState state, String message) {
        view.post(() -> {
            running = false;
            if (project != shown) {
                // The run of a project the user has left: its view is idle.
                view.stateProperty().set(TrainingViewModel.RunState.IDLE);
                return;
            }
            view.tiles().stream().filter(t -> t.stateProperty().get() == ScaleTile.State.TRAINING)
                    .forEach(t -> t.stateProperty().set(ScaleTile.State.WAITING));
            view.stateProperty().set(state);
            view.messageProperty().set(message);
        });
    }

    /** Checked by the trainer every iteration: blocks the engine thread while paused. */
    private boolean shouldStop() {
        synchronized (pauseLock) {
            while (pauseRequested && !cancelRequested.get()) {
                try {
                    pauseLock.wait(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return cancelRequested.get();
    }

    private void setPaused(boolean paused) {
        synchronized (pauseLock) {
            pauseRequested = paused;
            pauseLock.notifyAll();
        }
    }
}
