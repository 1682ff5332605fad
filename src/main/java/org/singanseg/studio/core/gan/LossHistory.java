package org.singanseg.studio.core.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-iteration losses of one scale, kept with the model so charts can be redrawn on resume. */
public final class LossHistory {
    public static final String CSV_HEADER = "iteration,critic_real,critic_fake,penalty,generator_adversarial,reconstruction";

    private final List<double[]> rows = new ArrayList<>();

    public void add(TrainingListener.IterationStats s) {
        rows.add(new double[]{s.iteration(), s.criticReal(), s.criticFake(), s.penalty(), s.generatorAdversarial(),
                s.reconstruction()});
    }

    public int size() {
        return rows.size();
    }

    /** The rows as iteration statistics (timing fields 0), oldest first. */
    public List<TrainingListener.IterationStats> stats(int scale) {
        return rows.stream().map(r -> new TrainingListener.IterationStats(scale, (int) r[0], 0, r[1], r[2], r[3], r[4],
                r[5], 0, 0)).toList();
    }

    /** Reconstruction loss per iteration. */
    public double[] reconstruction() {
        return rows.stream().mapToDouble(r -> r[5]).toArray();
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (double[] r : rows) {
            csv.append((long) r[0]);
            for (int i = 1; i < r.length; i++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6g", r[i]));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    public static LossHistory fromCsv(String csv) {
        LossHistory history = new LossHistory();
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("iteration")) {
                continue;
            }
            String[] parts = line.split(",");
            double[] row = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                row[i] = Double.parseDouble(parts[i]);
            }
            history.rows.add(row);
        }
        return history;
    }
}
