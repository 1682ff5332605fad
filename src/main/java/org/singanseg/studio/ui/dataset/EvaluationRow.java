package org.singanseg.studio.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.EvaluationSetting;
import org.singanseg.studio.core.eval.RunResult;
import org.singanseg.studio.core.seg.SegmentationMetrics;

/** One line of the results table, as text: a setting's fold, or its mean ± std over the folds. */
record EvaluationRow(String setting, String fold, String training, String test, String iou, String f1,
                     String precision, String recall, String accuracy, String diceLoss) {

    static List<EvaluationRow> of(EvaluationResult result) {
        int smallN = result.options().smallN();
        List<EvaluationRow> rows = new ArrayList<>();
        for (EvaluationSetting setting : result.settings()) {
            for (RunResult run : result.runs(setting)) {
                SegmentationMetrics m = run.metrics();
                rows.add(new EvaluationRow(setting.label(smallN),
                        result.options().modelName(run.fold(), run.unetSeed()),
                        run.trainingReal() + " real + " + run.trainingSynthetic() + " synthetic",
                        Integer.toString(run.test()), value(m.iou()), value(m.f1()), value(m.precision()),
                        value(m.recall()), value(m.accuracy()), value(m.diceLoss())));
            }
            SegmentationMetrics.FoldSummary summary = result.summary(setting);
            SegmentationMetrics mean = summary.mean();
            SegmentationMetrics std = summary.standardDeviation();
            rows.add(new EvaluationRow(setting.label(smallN), "mean ± std", "", "", spread(mean.iou(), std.iou()),
                    spread(mean.f1(), std.f1()), spread(mean.precision(), std.precision()),
                    spread(mean.recall(), std.recall()), spread(mean.accuracy(), std.accuracy()),
                    spread(mean.diceLoss(), std.diceLoss())));
        }
        return rows;
    }

    private static String value(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String spread(double mean, double std) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, std);
    }
}
