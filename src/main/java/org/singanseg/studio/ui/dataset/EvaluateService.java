package org.singanseg.studio.ui.dataset;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.singanseg.studio.core.eval.Evaluation;
import org.singanseg.studio.core.eval.EvaluationCsv;
import org.singanseg.studio.core.eval.EvaluationData;
import org.singanseg.studio.core.eval.EvaluationListener;
import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.eval.EvaluationPlan;
import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.EvaluationRun;

import org.singanseg.studio.ui.common.EngineJob;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Runs the segmentation evaluation (the command line's evaluate) on the engine thread: k-fold
 * cross-validation, or draws tested on a held-out test set; writes evaluation.csv (and its
 * -images.csv and -summary.txt) into the synthetic folder and hands the result to the window.
 */
public final class EvaluateService extends EngineJob {
    public static final String CSV = "evaluation.csv";

    private final ObjectProperty<EvaluationResult> result = new SimpleObjectProperty<>();

    public EvaluateService(Executor engine, Executor ui) {
        super(engine, ui);
    }

    public ObjectProperty<EvaluationResult> resultProperty() {
        return result;
    }

    /**
     * @param synthetic a train-batch output folder; evaluation.csv is written there
     * @param test      held-out test pairs (images/ and masks/), or null to cross-validate
     */
    public void start(Path real, Path synthetic, Path test, EvaluationOptions options) {
        result.set(null);
        start(() -> {
            EvaluationPlan plan = EvaluationPlan.of(EvaluationData.find(real, synthetic, test,
                    options.minMaskCoverage()), options.validated());
            EvaluationResult done = new Evaluation(plan, new Listener(options, plan.data().heldOut() ? "draw" : "fold"),
                    cancelRequested::get).run();
            ui.execute(() -> result.set(done)); // shown even if the file cannot be written
            Path csv = synthetic.resolve(CSV);
            EvaluationCsv.write(csv, done);
            return String.format(Locale.ROOT, "Done: %d real and %d synthetic pairs, %d %ss; written to %s.",
                    done.realPairs(), done.syntheticPairs(), plan.folds().size(), done.unit(), csv);
        }, "Stopped.");
    }

    /** Progress in models and epochs, each model an equal share. */
    private final class Listener implements EvaluationListener {
        private final EvaluationOptions options;
        private final String unit;
        private int runNumber = 1;
        private int runTotal = 1;

        Listener(EvaluationOptions options, String unit) {
            this.options = options;
            this.unit = unit;
        }

        @Override
        public void pairsLoaded(int done, int total) {
            report(0, String.format(Locale.ROOT, "Reading pairs: %d of %d", done, total));
        }

        @Override
        public void runStarted(EvaluationRun run, int number, int total) {
            runNumber = number;
            runTotal = total;
        }

        @Override
        public void epochFinished(EvaluationRun run, int epoch, int epochs, double loss) {
            report((runNumber - 1 + (double) epoch / epochs) / runTotal, String.format(Locale.ROOT,
                    "Model %d of %d (%s, %s %s): pass %d of %d over its pairs, loss %.3f", runNumber, runTotal,
                    run.setting().label(options.smallN()), unit, options.modelName(run.fold(), run.unetSeed()), epoch,
                    epochs, loss));
        }
    }
}
