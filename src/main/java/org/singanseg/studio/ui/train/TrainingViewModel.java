package org.singanseg.studio.ui.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Pyramid;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Train step shows, as plain properties: the pyramid's scales and their states, overall
 * progress, speed and time left, loss curves per scale and how they look, the latest previews, and
 * the run's state. Only {@link TrainingService} changes it (the methods that do are package-private); the view
 * reads it, and picks the scale whose curves it shows.
 *
 * <p>The engine reports through {@link #listener()} on its own thread; those reports only queue
 * updates. {@link #applyPending()} applies them on the UI thread, a few times a second (the view
 * calls it from a timer, tests call it directly), so the UI thread never waits on the engine and
 * a burst of fast iterations costs one chart refresh.
 */
public final class TrainingViewModel {
    /** Where the run stands. */
    public enum RunState { IDLE, RUNNING, PAUSED, STOPPING, FINISHED, CANCELLED, FAILED }

    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final ObservableList<ScaleTile> tiles = FXCollections.observableArrayList();
    private final Map<Integer, ScaleLosses> losses = new HashMap<>();
    private final IntegerProperty selectedScale = new SimpleIntegerProperty(-1);
    private final LongProperty lossesRevision = new SimpleLongProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final DoubleProperty secondsLeft = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty iterationsPerSecond = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    private final ObjectProperty<TrainingPreview> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainingHealth> health = new SimpleObjectProperty<>(TrainingHealth.NONE);
    private final ObjectProperty<TrainingSettings> settings = new SimpleObjectProperty<>(Preset.DEFAULT.settings());
    private final ObjectProperty<Map<Preset, Double>> presetDurations = new SimpleObjectProperty<>(Map.of());

    private int iterationsPerScale;
    /** Bumped when another project is shown; engine reports queued before that are dropped. */
    private volatile long generation;
    private final TrainingListener listener = new Reports();

    /** The engine's listener: queues, never touches a property itself. */
    TrainingListener listener() {
        return listener;
    }

    /** Applies the queued engine reports; call on the UI thread. Returns how many were applied. */
    public int applyPending() {
        int applied = 0;
        Runnable update;
        while ((update = pending.poll()) != null) {
            update.run();
            applied++;
        }
        if (applied > 0) {
            lossesChanged();
        }
        return applied;
    }

    private void lossesChanged() {
        lossesRevision.set(lossesRevision.get() + 1);
        List<List<TrainingListener.IterationStats>> curves = new java.util.ArrayList<>();
        for (int k = 0; k < tiles.size(); k++) {
            curves.add(losses.containsKey(k) ? losses.get(k).points() : List.of());
        }
        health.set(TrainingHealth.of(curves));
    }

    /** Another project is shown now: reports still queued from a run for the previous one are dropped. */
    void ignoreEarlierReports() {
        generation++;
    }

    /** Queues an engine report, to be dropped if the project changes before it is applied. */
    private void report(Runnable update) {
        long queuedIn = generation;
        pending.add(() -> {
            if (queuedIn == generation) {
                update.run();
            }
        });
    }

    /** Queues an update from the engine thread behind its reports (the service's look at a model file). */
    void post(Runnable update) {
        pending.add(update);
    }

    /** The loss curves of a scale (empty when it has not started). */
    public ScaleLosses losses(int scale) {
        return losses.computeIfAbsent(scale, k -> new ScaleLosses());
    }

    /** Shows a pyramid with its first {@code finished} scales done (a fresh run or a checkpoint). */
    void showPyramid(TrainingSettings shown, int[] heights, int[] widths, int finished) {
        settings.set(shown);
        iterationsPerScale = shown.iterations();
        losses.keySet().removeIf(scale -> scale >= finished);
        int[] networkWidths = shown.widths(heights.length);
        List<ScaleTile> scales = new java.util.ArrayList<>();
        for (int k = 0; k < heights.length; k++) {
            ScaleTile tile = new ScaleTile(k, heights[k], widths[k], networkWidths[k]);
            tile.stateProperty().set(k < finished ? ScaleTile.State.DONE : ScaleTile.State.WAITING);
            scales.add(tile);
        }
        tiles.setAll(scales);
        progress.set(heights.length == 0 ? 0 : (double) finished / heights.length);
        if (selectedScale.get() >= heights.length || selectedScale.get() < 0) {
            selectedScale.set(Math.max(0, finished - 1));
        }
    }

    /**
     * Shows the pyramid these settings would train for an image of this size, all scales waiting.
     *
     * @throws IllegalArgumentException saying why, when the settings do not fit the image (no pyramid shows then)
     */
    void showPlan(int imageHeight, int imageWidth, TrainingSettings planned) {
        Pyramid pyramid;
        try {
            pyramid = Pyramid.plan(imageHeight, imageWidth, planned.maxSize(), planned.minSize(), planned.scaleFactor());
        } catch (IllegalArgumentException unfit) {
            tiles.clear();
            settings.set(planned);
            throw unfit;
        }
        losses.clear();
        preview.set(null);
        showPyramid(planned, pyramid.heights(), pyramid.widths(), 0);
        lossesChanged();
    }

    /** Puts the loss history of a finished scale back (from a checkpoint). */
    void restoreLosses(int scale, List<TrainingListener.IterationStats> history) {
        ScaleLosses restored = new ScaleLosses();
        history.forEach(restored::add);
        losses.put(scale, restored);
    }

    /** The run has ended: a scale it was training is waiting again. */
    void endRun(RunState outcome) {
        tiles.stream().filter(t -> t.stateProperty().get() == ScaleTile.State.TRAINING)
                .forEach(t -> t.stateProperty().set(ScaleTile.State.WAITING));
        state.set(outcome);
    }

    void setState(RunState now) {
        state.set(now);
    }

    void setPresetDurations(Map<Preset, Double> seconds) {
        presetDurations.set(Map.copyOf(seconds));
    }

    private final class Reports implements TrainingListener {
        @Override
        public void trainingStarted(TrainingSettings used, int[] heights, int[] widths, int[] networkWidths, int firstScale) {
            report(() -> showPyramid(used, heights, widths, firstScale));
        }

        @Override
        public void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
            report(() -> {
                losses.put(scale, new ScaleLosses());
                tiles.get(scale).stateProperty().set(ScaleTile.State.TRAINING);
                selectedScale.set(scale);
            });
        }

        @Override
        public void iteration(TrainingListener.IterationStats stats) {
            report(() -> {
                losses(stats.scale()).add(stats);
                double done = stats.scale() * (double) iterationsPerScale + stats.iteration() + 1;
                progress.set(done / (tiles.size() * (double) iterationsPerScale));
                secondsLeft.set(stats.secondsLeft());
                iterationsPerSecond.set(stats.secondsPerIteration() > 0 ? 1 / stats.secondsPerIteration() : Double.NaN);
            });
        }

        @Override
        public void preview(int scale, int iteration, Planes real, Planes reconstruction, Planes sample) {
            TrainingPreview shown = new TrainingPreview(scale, iteration, real, reconstruction, sample);
            report(() -> preview.set(shown));
        }

        @Override
        public void scaleFinished(int scale, double seconds) {
            report(() -> tiles.get(scale).stateProperty().set(ScaleTile.State.DONE));
        }
    }

    public ObservableList<ScaleTile> tiles() {
        return tiles;
    }

    /** The scale whose curves the chart shows; follows the training unless the user picks another. */
    public IntegerProperty selectedScaleProperty() {
        return selectedScale;
    }

    /** Goes up whenever curves may have changed; the chart redraws on it. */
    public ReadOnlyLongProperty lossesRevisionProperty() {
        return lossesRevision;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyDoubleProperty secondsLeftProperty() {
        return secondsLeft;
    }

    public ReadOnlyDoubleProperty iterationsPerSecondProperty() {
        return iterationsPerSecond;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<TrainingPreview> previewProperty() {
        return preview;
    }

    /** How the curves shown look, in words; follows every change of them. */
    public ReadOnlyObjectProperty<TrainingHealth> healthProperty() {
        return health;
    }

    /** Expected seconds per preset on this machine for the open project (empty until timed). */
    public ReadOnlyObjectProperty<Map<Preset, Double>> presetDurationsProperty() {
        return presetDurations;
    }

    /** The settings of the pyramid shown: planned, in training, or the saved model's. */
    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings;
    }
}
