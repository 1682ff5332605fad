package org.singanseg.studio.ui.dataset;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.singanseg.studio.core.eval.Evaluation;
import org.singanseg.studio.core.eval.EvaluationCsv;
import org.singanseg.studio.core.eval.EvaluationData;
import org.singanseg.studio.core.eval.EvaluationListener;
import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.eval.EvaluationPlan;
import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.EvaluationRun;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Runs the segmentation evaluation (the command line's evaluate) on the engine thread: k-fold
 * U-Net training with real, synthetic and both, writes evaluation.csv into the synthetic folder and
 * hands the result to the window.
 */
public final class EvaluateService {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateService.class);
    public static final String CSV = "evaluation.csv";

    private final Executor engine;
    private final Executor ui;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<EvaluationResult> result = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public EvaluateService(Executor engine, Executor ui) {
        this.engine = engine;
        this.ui = ui;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<EvaluationResult> resultProperty() {
        return result;
    }

    /** @param synthetic a train-batch output folder; evaluation.csv is written there */
    public void start(Path real, Path synthetic, EvaluationOptions options) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        result.set(null);
        cancelRequested.set(false);
        message.set("Waiting for the engine…");
        engine.execute(() -> {
            String outcome;
            try {
                EvaluationPlan plan = EvaluationPlan.of(EvaluationData.find(real, synthetic), options.validated());
                EvaluationResult done = new Evaluation(plan, new Listener(options.smallN()), cancelRequested::get).run();
                Path csv = synthetic.resolve(CSV);
                EvaluationCsv.write(csv, done);
                ui.execute(() -> result.set(done));
                outcome = String.format(Locale.ROOT, "Done: %d real and %d synthetic pairs, %d folds; written to %s.",
                        done.realPairs(), done.syntheticPairs(), options.folds(), csv);
            } catch (CancellationException e) {
                outcome = "Stopped.";
            } catch (Throwable e) {
                LOG.error("Evaluation failed", e);
                outcome = "Stopped: " + UserMessages.describe(e);
            }
            String shown = outcome;
            ui.execute(() -> {
                running.set(false);
                message.set(shown);
            });
        });
    }

    public void cancel() {
        cancelRequested.set(true);
        message.set("Stopping after this training step…");
    }

    /** Progress in runs and epochs, each run an equal share. */
    private final class Listener implements EvaluationListener {
        private final int smallN;
        private int runNumber = 1;
        private int runTotal = 1;

        Listener(int smallN) {
            this.smallN = smallN;
        }

        @Override
        public void pairsLoaded(int done, int total) {
            String text = String.format(Locale.ROOT, "Reading pairs: %d of %d", done, total);
            ui.execute(() -> message.set(text));
        }

        @Override
        public void runStarted(EvaluationRun run, int number, int total) {
            runNumber = number;
            runTotal = total;
        }

        @Override
        public void epochFinished(EvaluationRun run, int epoch, int epochs, double loss) {
            double done = (runNumber - 1 + (double) epoch / epochs) / runTotal;
            String text = String.format(Locale.ROOT, "Model %d of %d (%s, fold %d): epoch %d of %d, loss %.3f", runNumber,
                    runTotal, run.setting().label(smallN), run.fold(), epoch, epochs, loss);
            ui.execute(() -> {
                progress.set(done);
                if (!cancelRequested.get()) {
                    message.set(text);
                }
            });
        }
    }
}
