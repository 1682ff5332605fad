package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.eval.EvaluationListener;
import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.eval.EvaluationRun;
import org.singanseg.studio.core.eval.RunResult;
import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * Evaluation progress on the terminal: the pairs loading and each run's epochs counted in place on
 * a terminal (nothing per epoch in a file or CI log), a line when a run starts and one with its
 * scores and time when it ends.
 */
final class EvaluationConsole implements EvaluationListener {
    private final PrintStream out;
    private final boolean interactive;
    private final EvaluationOptions options;
    private final String unit;
    private double lastLoss = Double.NaN;

    /** @param unit what the runs' numbers count: "fold" or "draw" */
    EvaluationConsole(PrintStream out, boolean interactive, EvaluationOptions options, String unit) {
        this.out = out;
        this.interactive = interactive;
        this.options = options;
        this.unit = unit;
    }

    @Override
    public void pairsLoaded(int done, int total) {
        if (interactive || done == total) {
            out.printf("\rRead %d/%d pairs%s", done, total, done == total ? System.lineSeparator() : "");
            out.flush();
        }
    }

    @Override
    public void runStarted(EvaluationRun run, int number, int total) {
        out.printf(Locale.ROOT, "[%d/%d] %s %s, %s: training on %d real + %d synthetic pairs, testing on %d%n",
                number, total, unit, options.modelName(run.fold(), run.unetSeed()),
                run.setting().label(options.smallN()), run.trainingReal().size(),
                run.trainingSynthetic().size(), run.test().size());
    }

    @Override
    public void epochFinished(EvaluationRun run, int epoch, int epochs, double loss) {
        lastLoss = loss;
        if (interactive) {
            out.printf(Locale.ROOT, "\r  epoch %d/%d, loss %.4f", epoch, epochs, loss);
            out.print(epoch == epochs ? System.lineSeparator() : "");
            out.flush();
        }
    }

    @Override
    public void runFinished(RunResult result, int number, int total) {
        out.printf(Locale.ROOT, "  %s; final training loss %.4f; %s%n", scores(result.metrics()), lastLoss,
                ConsoleProgress.duration(result.seconds()));
    }

    /** "dice_loss 0.412, iou 0.451, ..." */
    static String scores(SegmentationMetrics metrics) {
        List<String> names = SegmentationMetrics.NAMES;
        double[] values = metrics.values();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(String.format(Locale.ROOT, " %.3f", values[i]));
        }
        return text.toString();
    }
}
