package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.EvaluationSetting;
import org.singanseg.studio.core.eval.RunResult;
import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * An evaluation's results as a table on the terminal: per setting, a line per model, that is per fold
 * or draw and U-Net seed (pairs trained on and tested on, scores), then the mean +/- sample standard
 * deviation of each score over the folds or draws (each the mean of its seeds). The same figures as
 * evaluation.csv, rounded to 3 decimals.
 */
final class EvaluationTable {
    private static final String METRIC = "%17s";

    private EvaluationTable() {
    }

    static void print(PrintStream out, EvaluationResult result) {
        int smallN = result.options().smallN();
        int width = "setting".length();
        for (EvaluationSetting setting : result.settings()) {
            width = Math.max(width, setting.label(smallN).length());
        }
        String lead = "%-" + width + "s  %-12s  %10s  %4s";
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, lead, "setting", result.unit(), "real+synth",
                "test"));
        SegmentationMetrics.NAMES.forEach(name -> header.append(String.format(Locale.ROOT, METRIC, name)));
        out.println(header);
        for (EvaluationSetting setting : result.settings()) {
            String label = setting.label(smallN);
            for (RunResult run : result.runs(setting)) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, lead, label,
                        result.options().modelName(run.fold(), run.unetSeed()),
                        run.trainingReal() + "+" + run.trainingSynthetic(), run.test()));
                for (double value : run.metrics().values()) {
                    line.append(String.format(Locale.ROOT, METRIC, String.format(Locale.ROOT, "%.3f", value)));
                }
                out.println(line);
            }
            SegmentationMetrics.FoldSummary summary = result.summary(setting);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, lead, label, "mean +/- std", "", ""));
            double[] means = summary.mean().values();
            double[] deviations = summary.standardDeviation().values();
            for (int i = 0; i < means.length; i++) {
                line.append(String.format(Locale.ROOT, METRIC,
                        String.format(Locale.ROOT, "%.3f +/- %.3f", means[i], deviations[i])));
            }
            out.println(line);
        }
    }
}
