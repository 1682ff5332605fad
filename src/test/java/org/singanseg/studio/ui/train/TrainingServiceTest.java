package org.singanseg.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;
import org.singanseg.studio.ui.common.EngineExecutor;
import org.singanseg.studio.ui.train.TrainingViewModel.RunState;

/**
 * The training service and view model with real, tiny training runs on a real pair; this test
 * thread plays the UI thread (it runs what the service hands to the UI and applies the queued reports).
 */
class TrainingServiceTest {
    private final EngineExecutor engine = new EngineExecutor(Executors.defaultThreadFactory());
    private final Queue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final TrainingViewModel view = new TrainingViewModel();
    private final TrainingService service = new TrainingService(engine, ui::add, view);
    private Project project;
    /** The pyramid's scales for this image (3 for the small PolypGen frame, 2 for the demo image). */
    private int scales;

    @BeforeEach
    void project(@TempDir Path dir) throws Exception {
        project = ProjectStore.create(TestData.smallImage(), dir.resolve("p")).project();
        ProjectStore.saveMask(project, MaskFiles.read(TestData.smallMask()));
        service.open(project, TinyModels.settings());
        scales = Trainer.plan(TinyModels.settings(), project.height(), project.width()).scales();
        assertTrue(scales >= 2, "the tests stop and resume between two scales");
    }

    @AfterEach
    void stop() {
        engine.shutdownNow();
    }

    @Test
    void aRunAdvancesScaleByScaleFillsTheChartsAndSavesTheModel() throws Exception {
        assertEquals(scales, view.tiles().size(), "the plan shows the pyramid before training");
        service.start(project, TinyModels.settings());
        boolean sawTwoStates = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (view.stateProperty().get() != RunState.FINISHED && System.nanoTime() < deadline) {
            runUi(view);
            assertFalse(view.stateProperty().get() == RunState.FAILED, service.messageProperty().get());
            sawTwoStates |= view.tiles().get(0).stateProperty().get() == ScaleTile.State.DONE
                    && view.tiles().get(1).stateProperty().get() == ScaleTile.State.TRAINING;
            Thread.sleep(20);
        }
        assertEquals(RunState.FINISHED, view.stateProperty().get(), service.messageProperty().get());
        assertTrue(service.messageProperty().get().matches("Training finished at \\d\\d:\\d\\d after \\d+ s\\. Go to the Gallery.*"),
                service.messageProperty().get());
        assertTrue(sawTwoStates, "scale 1 was done while scale 2 trained");
        for (ScaleTile tile : view.tiles()) {
            assertEquals(ScaleTile.State.DONE, tile.stateProperty().get());
            assertEquals(TinyModels.settings().iterations(), view.losses(tile.index()).size(), "one chart point per iteration");
        }
        assertEquals(1.0, view.progressProperty().get(), 1e-9);
        assertNotNull(view.previewProperty().get());
        assertEquals(scales - 1, view.previewProperty().get().scale(), "the last preview is of the finest scale");
        assertTrue(service.savedProperty().get().complete());
        assertTrue(ModelFile.load(project.modelFile()).complete());
        assertFalse(service.runningProperty().get(), "not running once the end is shown, without the view's timer");
    }

    @Test
    void cancelStopsWithinAnIterationAndResumeContinuesWithTheCurvesOfFinishedScales() throws Exception {
        service.start(project, TinyModels.settings());
        runUntil(() -> view.tiles().get(1).stateProperty().get() == ScaleTile.State.TRAINING);
        service.cancel();
        assertEquals(RunState.STOPPING, view.stateProperty().get());
        runUntil(() -> view.stateProperty().get() == RunState.CANCELLED);
        int lastIteration = view.losses(1).points().isEmpty() ? -1
                : view.losses(1).points().get(view.losses(1).size() - 1).iteration();
        assertTrue(lastIteration < TinyModels.settings().iterations() - 1, "stopped before the scale's end");
        assertEquals(1, ModelFile.load(project.modelFile()).scales().size(), "scale 1 checkpointed");
        assertTrue(service.savedProperty().get().resumable());
        assertEquals(ScaleTile.State.WAITING, view.tiles().get(1).stateProperty().get());

        // As after a restart: a fresh view model sees the checkpoint and its curves.
        TrainingViewModel reopened = new TrainingViewModel();
        TrainingService again = new TrainingService(engine, ui::add, reopened);
        again.open(project, TinyModels.settings());
        runUntil(reopened, () -> again.savedProperty().get() != null);
        assertEquals(ScaleTile.State.DONE, reopened.tiles().get(0).stateProperty().get());
        assertEquals(TinyModels.settings().iterations(), reopened.losses(0).size(), "finished scale's curves come back");
        assertTrue(again.messageProperty().get().contains("1 of " + scales + " scales done"),
                again.messageProperty().get());

        again.resumeSaved(project);
        runUntil(reopened, () -> reopened.stateProperty().get() == RunState.FINISHED);
        assertTrue(again.savedProperty().get().complete());
        assertEquals(TinyModels.settings().iterations(), reopened.losses(scales - 1).size());
    }

    @Test
    void pauseHoldsTheEngineUntilResumed() throws Exception {
        service.start(project, TinyModels.settings());
        runUntil(() -> view.losses(0).size() > 3);
        service.pause();
        Thread.sleep(300); // the iteration under way finishes
        runUi(view);
        int paused = iterationsSoFar();
        Thread.sleep(1000);
        runUi(view);
        assertEquals(paused, iterationsSoFar(), "no iteration while paused");
        assertEquals(RunState.PAUSED, view.stateProperty().get());
        service.unpause();
        runUntil(() -> view.stateProperty().get() == RunState.FINISHED);
    }

    @Test
    void aChangedMaskCannotBeResumed() throws Exception {
        service.start(project, TinyModels.settings());
        runUntil(() -> view.tiles().get(1).stateProperty().get() == ScaleTile.State.TRAINING);
        service.cancel();
        runUntil(() -> view.stateProperty().get() == RunState.CANCELLED);
        var mask = ProjectStore.loadMask(project);
        mask.invert();
        ProjectStore.saveMask(project, mask);
        service.resumeSaved(project);
        runUntil(() -> view.stateProperty().get() == RunState.FAILED);
        assertTrue(service.messageProperty().get().contains("changed since this training started"), service.messageProperty().get());
        assertTrue(Files.exists(project.modelFile()), "the checkpoint is kept");
    }

    @Test
    void aModelTrainedOnAnOlderMaskIsStaleUntilTheMaskIsAsBefore() throws Exception {
        SinGanModel tiny = TinyModels.trained();
        TrainingPair pair = TrainingPair.load(project.imageFile(), project.maskFile());
        ModelFile.save(new SinGanModel(tiny.settings(), tiny.pyramid(), SourceInfo.of(project.imageFile(),
                project.maskFile(), pair), tiny.scales()), project.modelFile());
        service.open(project, TinyModels.settings());
        runUntil(() -> service.savedProperty().get() != null);
        assertFalse(service.savedProperty().get().freshness().stale(), "trained on the files as they are");
        assertEquals("", service.staleModelWarning().get());

        MaskRaster before = ProjectStore.loadMask(project);
        MaskRaster wider = before.copy();
        for (int y = 0; y < wider.height(); y++) {
            for (int x = 0; x < wider.width() / 4; x++) {
                wider.set(x, y, true);
            }
        }
        ProjectStore.saveMask(project, wider);
        service.recheckSources();
        runUntil(() -> service.savedProperty().get().freshness().stale());
        ModelFreshness freshness = service.savedProperty().get().freshness();
        assertTrue(freshness.maskChanged() && !freshness.imageChanged());
        assertEquals(pair.coverage(), freshness.trainedCoverage(), 1e-9);
        assertEquals((double) wider.countInside() / (wider.width() * wider.height()), freshness.currentCoverage(), 1e-9);
        assertEquals(String.format(Locale.ROOT, "Trained on an older mask (the polyp covered %.1f%% of the image then, "
                + "%.1f%% now): its samples follow the old mask, not the current one. Retrain to use the current mask.",
                freshness.trainedCoverage() * 100, freshness.currentCoverage() * 100), service.staleModelWarning().get());

        ProjectStore.saveMask(project, before);
        service.recheckSources();
        runUntil(() -> !service.savedProperty().get().freshness().stale());
    }

    private int iterationsSoFar() {
        return view.tiles().stream().mapToInt(tile -> view.losses(tile.index()).size()).sum();
    }

    @Test
    void theDurationTimingGivesWayToOtherEngineWorkAndThenShowsEveryPreset() throws Exception {
        // Opening the project (in the set-up) started the timing, which takes seconds on any CPU.
        Thread.sleep(200);
        long asked = System.nanoTime();
        AtomicLong ran = new AtomicLong();
        engine.execute(() -> ran.set(System.nanoTime()));
        runUntil(() -> view.presetDurationsProperty().get().size() == Preset.CHOICES.size());
        long shown = System.nanoTime();
        assertTrue(ran.get() > 0, "the other work ran");
        assertTrue(ran.get() - asked < (shown - ran.get()) / 2, String.format(Locale.ROOT,
                "the other work waited %.1f s, the timing took %.1f s after it", (ran.get() - asked) / 1e9,
                (shown - ran.get()) / 1e9));
    }

    private void runUntil(BooleanSupplier done) throws InterruptedException {
        runUntil(view, done);
    }

    private void runUntil(TrainingViewModel model, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            runUi(model);
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), "timed out; " + service.messageProperty().get());
    }

    /** What the UI thread would do: the service's hand-overs, and (only a few times a second there) the reports. */
    private void runUi(TrainingViewModel model) {
        Runnable task;
        while ((task = ui.poll()) != null) {
            task.run();
        }
        model.applyPending();
    }
}
