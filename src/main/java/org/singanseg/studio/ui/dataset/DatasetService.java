package org.singanseg.studio.ui.dataset;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.singanseg.studio.core.batch.BatchInputs;
import org.singanseg.studio.core.batch.BatchListener;
import org.singanseg.studio.core.batch.BatchOptions;
import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.batch.BatchSummary;
import org.singanseg.studio.core.batch.BatchTrainer;
import org.singanseg.studio.core.batch.PairOutcome;
import org.singanseg.studio.core.batch.PairResult;
import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.TrainingSettings;

import org.singanseg.studio.ui.common.EngineJob;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Makes a synthetic dataset from many real pairs (the command line's train-batch) on the engine
 * thread: one model per pair, K samples each, resumable. Progress reaches the UI at most ten times
 * a second; every pair's outcome and every skipped input lands in a log list.
 */
public final class DatasetService extends EngineJob {
    private static final long UPDATE_NANOS = 100_000_000;

    /** What the user chose. */
    public record Request(Path images, Path masks, Path out, TrainingSettings settings, int samplesPerImage,
                          boolean withReal) {
    }

    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final AtomicReference<BatchProgress> latest = new AtomicReference<>();
    private final AtomicBoolean updateScheduled = new AtomicBoolean();

    public DatasetService(Executor engine, Executor ui) {
        super(engine, ui);
    }

    public ObservableList<String> log() {
        return log;
    }

    public void start(Request request) {
        log.clear();
        start(() -> {
            BatchInputs inputs = BatchInputs.scan(request.images(), request.masks());
            inputs.skipped().forEach(s -> post("Skipped " + s.name() + ": " + s.reason()));
            if (inputs.pairs().isEmpty()) {
                throw new IllegalArgumentException("No image in " + request.images() + " has a mask in "
                        + request.masks() + ". Masks need the image's base name (abc.jpg: abc.png or abc_mask.png).");
            }
            BatchSummary summary = new BatchTrainer(new BatchOptions(request.out(), request.settings(),
                    request.samplesPerImage(), request.withReal(), MaskFloor.DEFAULT), new Listener(), cancelRequested::get)
                    .run(inputs.pairs());
            return describe(summary, inputs.skipped().size());
        }, "Stopped. Start again with the same folders to continue where it stopped.");
    }

    private static String describe(BatchSummary summary, int skippedInputs) {
        return String.format(Locale.ROOT, "Done in %.1f min: %d trained, %d resumed, %d only sampled, %d already complete, "
                        + "%d skipped; %d samples written; manifest.csv lists %d pairs.", summary.seconds() / 60,
                summary.count(PairOutcome.TRAINED), summary.count(PairOutcome.RESUMED), summary.count(PairOutcome.SAMPLED),
                summary.count(PairOutcome.COMPLETE), summary.skipped().size() + skippedInputs, summary.samplesWritten(),
                summary.manifestRows());
    }

    private void post(String line) {
        ui.execute(() -> log.add(line));
    }

    /** Only the newest state is shown, in one UI update however many arrive meanwhile. */
    private void showLatest(BatchProgress state) {
        latest.set(state);
        if (updateScheduled.compareAndSet(false, true)) {
            ui.execute(() -> {
                updateScheduled.set(false);
                BatchProgress now = latest.get();
                show(now.done(), now.describe());
            });
        }
    }

    /** Turns the batch's events into progress and log lines. */
    private final class Listener implements BatchListener {
        private int number;
        private int total;
        private String pair = "";
        private int scales;
        private long lastUpdate;

        @Override
        public void pairStarted(BatchPair started, int n, int of) {
            number = n;
            total = of;
            pair = started.name();
            scales = 0;
            showLatest(new BatchProgress(n, of, pair, "starting", (n - 1.0) / of));
        }

        @Override
        public void trainingStarted(TrainingSettings settings, int[] heights, int[] widths, int[] networkWidths,
                                    int firstScale) {
            scales = heights.length;
        }

        @Override
        public void iteration(IterationStats stats) {
            long now = System.nanoTime();
            if (now - lastUpdate > UPDATE_NANOS) {
                lastUpdate = now;
                showLatest(BatchProgress.training(number, total, pair, stats.scale(), scales, stats.iteration(), stats.iterations()));
            }
        }

        @Override
        public void outputWritten(BatchPair written, int done, int outputs) {
            showLatest(BatchProgress.sampling(number, total, pair, done, outputs));
        }

        @Override
        public void pairFinished(PairResult result) {
            post(String.format(Locale.ROOT, "%s: %s, %d samples written, %.1f min (seed %d)", result.pair().name(),
                    result.outcome().name().toLowerCase(Locale.ROOT), result.samplesWritten(), result.seconds() / 60,
                    result.seed()));
        }

        @Override
        public void pairSkipped(BatchPair skipped, String reason) {
            post("Skipped " + skipped.name() + ": " + reason);
        }
    }
}
