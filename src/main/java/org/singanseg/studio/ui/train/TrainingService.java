package org.singanseg.studio.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.singanseg.studio.core.gan.DurationEstimator;
import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainedScale;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.model.ResumeDecision;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.ui.common.EngineExecutor;
import org.singanseg.studio.ui.common.EngineJob;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Training on the engine thread for the Train step, as an {@link EngineJob}: start with the given
 * settings, continue a saved checkpoint, pause, stop; and, for the project shown, its planned
 * pyramid, a look at its model file and this machine's expected duration per preset. The only
 * writer of the {@link TrainingViewModel}: control methods are called on the UI thread; the engine
 * reports through the view model's queue and the job's UI executor.
 */
public final class TrainingService extends EngineJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final TrainingViewModel model;
    private final Object pauseLock = new Object();
    private boolean pauseRequested;
    private final ObjectProperty<SavedRun> saved = new SimpleObjectProperty<>();
    private final StringBinding staleWarning;
    /** The project the view shows (set on the UI thread); a run of another one ends without a word. */
    private volatile Project shown;
    /** The project of the run under way or ended last (UI thread). */
    private Project runProject;
    /** How the run that ends now ended (set on the engine thread before the job's end reaches the UI). */
    private volatile TrainingViewModel.RunState outcome;
    /** What the run says of the scale in training, again after a pause. */
    private volatile String scaleInTraining = "";
    /** This machine's timing on the shown project's image, or null (engine thread only). */
    private DurationEstimator calibration;
    private final EngineExecutor engineQueue;
    /** A training waits for the engine thread: a duration calibration under way stops for good. */
    private volatile boolean trainingWaits;
    /** Bumped by every request for a duration estimate: only the latest is carried out. */
    private final AtomicLong durationRequest = new AtomicLong();

    public TrainingService(EngineExecutor engine, Executor ui, TrainingViewModel model) {
        super(engine, ui);
        engineQueue = engine;
        this.model = model;
        staleWarning = Bindings.createStringBinding(() -> saved.get() == null ? "" : saved.get().freshness().warning(), saved);
    }

    /** The project's model on disk (null when there is none); updated after every scale. */
    public ObjectProperty<SavedRun> savedProperty() {
        return saved;
    }

    /**
     * Another project is shown: the pyramid these settings would train, the project's model file,
     * and how long each preset would take on its image (half a minute of engine time on two cores,
     * giving way to other engine work).
     */
    public void open(Project project, TrainingSettings settings) {
        model.ignoreEarlierReports();
        messageProperty().set("");
        if (!runningProperty().get()) {
            model.setState(TrainingViewModel.RunState.IDLE);
        }
        model.setPresetDurations(Map.of());
        shown = project;
        plan(settings);
        inspect(project);
        estimateDurations(project);
    }

    /** Shows the pyramid these settings would train on the shown project (not while a run goes on). */
    public void plan(TrainingSettings settings) {
        Project project = shown;
        if (project == null || runningProperty().get()) {
            return;
        }
        try {
            model.showPlan(project.height(), project.width(), settings);
        } catch (IllegalArgumentException unfit) {
            messageProperty().set(unfit.getMessage());
        }
    }

    /** Trains on the project's image and mask files with these settings, replacing its model. */
    public void start(Project project, TrainingSettings settings) {
        run(project, settings, "Preparing the image pyramid…");
    }

    /** Continues the project's checkpoint with the settings saved in it. */
    public void resumeSaved(Project project) {
        run(project, null, "Resuming…");
    }

    public void pause() {
        if (runningProperty().get()) {
            setPaused(true);
            model.setState(TrainingViewModel.RunState.PAUSED);
            messageProperty().set("Paused. Continue goes on from the same iteration.");
        }
    }

    public void unpause() {
        if (runningProperty().get()) {
            setPaused(false);
            model.setState(TrainingViewModel.RunState.RUNNING);
            messageProperty().set(scaleInTraining);
        }
    }

    /** Stops within one iteration; finished scales stay saved and can be resumed. */
    @Override
    public void cancel() {
        if (runningProperty().get()) {
            super.cancel();
            setPaused(false);
            model.setState(TrainingViewModel.RunState.STOPPING);
            messageProperty().set("Stopping after this iteration…");
        }
    }

    /** @param chosen the settings of a new training, or null to continue the checkpoint */
    private void run(Project project, TrainingSettings chosen, String starting) {
        if (runningProperty().get()) {
            return;
        }
        shown = project;
        runProject = project;
        setPaused(false);
        outcome = TrainingViewModel.RunState.FAILED;
        scaleInTraining = starting;
        model.setState(TrainingViewModel.RunState.RUNNING);
        trainingWaits = true;
        start(() -> train(project, chosen), starting, () -> {
            outcome = TrainingViewModel.RunState.CANCELLED;
            return project == shown ? "Training stopped. Finished scales are saved: Resume continues from there." : "";
        });
    }

    @Override
    protected void beforeEnd() {
        model.applyPending();
    }

    /** The outcome after its message, so that whoever follows the state reads the message that goes with it. */
    @Override
    protected void afterEnd() {
        trainingWaits = false;
        // The run of a project the user has left: its view is idle.
        model.endRun(runProject == shown ? outcome : TrainingViewModel.RunState.IDLE);
    }

    private String train(Project project, TrainingSettings chosen) throws Exception {
        trainingWaits = false;
        long started = System.nanoTime();
        Path file = project.modelFile();
        TrainingPair pair = TrainingPair.load(project.imageFile(), project.maskFile());
        SourceInfo source = SourceInfo.of(project.imageFile(), project.maskFile(), pair);
        SinGanModel checkpoint = chosen == null ? checkpoint(file, source) : null;
        TrainingSettings settings = checkpoint != null ? checkpoint.settings() : chosen;
        if (checkpoint != null) {
            showModel(project, checkpoint, ModelFreshness.of(source, project));
        }
        new Trainer(settings, new Reports(), this::pauseOrStop, calibration).train(pair, source, checkpoint, latest -> {
            ModelFile.save(latest, file);
            // The mask may have been edited since the run began.
            SavedRun run = savedRun(latest, ModelFreshness.of(source, project));
            ui.execute(() -> {
                if (project == shown) {
                    saved.set(run);
                }
            });
        });
        outcome = TrainingViewModel.RunState.FINISHED;
        return project != shown ? "" : "Training finished at " + LocalTime.now().format(CLOCK) + " after "
                + Durations.exact((System.nanoTime() - started) / 1e9) + ". Go to the Gallery to generate synthetic pairs.";
    }

    private SinGanModel checkpoint(Path file, SourceInfo source) throws Exception {
        ModelFile.Description saved = ModelFile.describe(file);
        // Resume continues the saved run with the settings it was started with, whatever the form shows.
        ResumeDecision decision = ResumeDecision.of(saved, source.imageSha256(), source.maskSha256(), saved.settings());
        if (!decision.resume()) {
            throw new InvalidInputException(decision.reason() + " It cannot be resumed: start a new training.");
        }
        return ModelFile.load(file);
    }

    /**
     * Times a few real iterations on the project's image (half a minute of engine time on two
     * cores) and shows each preset's expected duration on this machine; a training starts its
     * estimate from it. The timing gives way to any engine work asked for meanwhile: it starts
     * again after that work, unless the work is a training (which then estimates from its own pace
     * alone) or another project is shown.
     */
    private void estimateDurations(Project project) {
        estimateDurations(project, durationRequest.incrementAndGet());
    }

    private void estimateDurations(Project project, long request) {
        engine.execute(() -> {
            if (request != durationRequest.get()) {
                return;
            }
            calibration = null;
            try {
                // The timing needs the image only: the mask may still be empty.
                Planes image = ImageFiles.read(project.imageFile());
                TrainingPair pair = new TrainingPair(TrainingPair.toRgb(image), new boolean[image.width() * image.height()],
                        project.name());
                calibration = DurationEstimator.calibrate(pair, () -> engineQueue.workWaits() || project != shown);
                LOG.info("Duration calibration on {}: {}", project.name(), calibration);
                Map<Preset, Double> seconds = new EnumMap<>(Preset.class);
                for (Preset preset : Preset.CHOICES) {
                    try {
                        seconds.put(preset, calibration.seconds(preset.settings(), project.height(), project.width()));
                    } catch (IllegalArgumentException unfit) {
                        LOG.info("Preset {} does not fit {}: {}", preset, project.name(), unfit.getMessage());
                    }
                }
                ui.execute(() -> {
                    if (project == shown) {
                        model.setPresetDurations(seconds);
                    }
                });
            } catch (CancellationException givenWay) {
                if (project == shown && !trainingWaits) {
                    estimateDurations(project, request);
                } else {
                    LOG.info("Duration estimate for {} stopped: a training or another project came first",
                            project.name());
                }
            } catch (Exception e) {
                LOG.info("No duration estimate for {}: {}", project.name(), e.getMessage());
            }
        });
    }

    /** Reads the project's model file on the engine thread and shows its finished scales and curves. */
    public void inspect(Project project) {
        saved.set(null);
        engine.execute(() -> {
            Path file = project.modelFile();
            if (!Files.isRegularFile(file)) {
                return;
            }
            try {
                SinGanModel found = ModelFile.load(file);
                showModel(project, found, ModelFreshness.of(found.source(), project));
            } catch (Exception e) {
                LOG.warn("Model {} not usable", file, e);
                ui.execute(() -> {
                    if (project == shown) {
                        messageProperty().set("The project's model cannot be used: " + UserMessages.describe(e)
                                + " Train again to replace it.");
                    }
                });
            }
        });
    }

    /** Shows a model file's pyramid, finished scales and their curves: a checkpoint to resume, or a finished model. */
    private void showModel(Project project, SinGanModel found, ModelFreshness freshness) {
        SavedRun run = savedRun(found, freshness);
        var histories = found.scales().stream().map(TrainedScale::losses).toList();
        model.post(() -> {
            if (project != shown) {
                return;
            }
            model.showPyramid(found.settings(), found.pyramid().heights(), found.pyramid().widths(), run.finishedScales());
            for (int k = 0; k < histories.size(); k++) {
                model.restoreLosses(k, histories.get(k).stats(k));
            }
        });
        ui.execute(() -> {
            if (project != shown) {
                return;
            }
            saved.set(run);
            if (!runningProperty().get()) {
                messageProperty().set(run.complete()
                        ? "A trained model is ready (" + run.finishedScales() + " scales). Train again to replace it."
                        : String.format(Locale.ROOT, "An unfinished training was found: %d of %d scales done.%s",
                        run.finishedScales(), run.scales(), run.resumable() ? " Resume continues it."
                                : " The image or mask has changed since, so it cannot be resumed."));
            }
        });
    }

    private static SavedRun savedRun(SinGanModel found, ModelFreshness freshness) {
        return new SavedRun(found.scales().size(), found.pyramid().scales(), found.settings(), freshness);
    }

    /**
     * The shown project's image or mask file was written: says again whether its model was trained
     * on them (after a run under way, which checks at every scale too).
     */
    public void recheckSources() {
        Project project = shown;
        if (project == null) {
            return;
        }
        engine.execute(() -> {
            try {
                if (Files.isRegularFile(project.modelFile())) {
                    ModelFreshness now = ModelFreshness.of(ModelFile.describe(project.modelFile()).source(), project);
                    ui.execute(() -> {
                        if (project == shown && saved.get() != null) {
                            saved.set(saved.get().with(now));
                        }
                    });
                }
            } catch (Exception e) {
                LOG.warn("Cannot compare the model of {} with its files", project.name(), e);
            }
        });
    }

    /** What the user should know when the model was trained on an older image or mask; empty otherwise. */
    public StringBinding staleModelWarning() {
        return staleWarning;
    }

    /** Checked by the trainer before every iteration: holds the engine thread while paused. */
    private boolean pauseOrStop() {
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

    /** The view model's reports, and the scale in training in the job's message. */
    private final class Reports implements TrainingListener {
        private final TrainingListener view = model.listener();
        private int scales;

        @Override
        public void trainingStarted(TrainingSettings settings, int[] heights, int[] widths, int[] networkWidths,
                                    int firstScale) {
            scales = heights.length;
            view.trainingStarted(settings, heights, widths, networkWidths, firstScale);
        }

        @Override
        public void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
            view.scaleStarted(scale, height, width, networkWidth, iterations);
            scaleInTraining = String.format(Locale.ROOT, "Training scale %d of %d (%d × %d px)", scale + 1, scales, width,
                    height);
            report((double) scale / scales, scaleInTraining);
        }

        @Override
        public void iteration(IterationStats stats) {
            view.iteration(stats);
        }

        @Override
        public void preview(int scale, int iteration, Planes real, Planes reconstruction, Planes sample) {
            view.preview(scale, iteration, real, reconstruction, sample);
        }

        @Override
        public void scaleFinished(int scale, double seconds) {
            view.scaleFinished(scale, seconds);
        }
    }
}
