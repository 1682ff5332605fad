package org.singanseg.studio.ui.dataset;

import java.util.Locale;

/**
 * Where a dataset run stands, as plain data for the window: pair {@code number} of {@code total},
 * the scale and iteration being trained (or the samples being written), and the share of the whole
 * run done, counting each pair as one equal part.
 */
record BatchProgress(int number, int total, String pair, String step, double done) {

    static BatchProgress training(int number, int total, String pair, int scale, int scales, int iteration,
                                  int iterations) {
        double withinPair = scales == 0 ? 0 : (scale + (double) iteration / Math.max(1, iterations)) / scales;
        return new BatchProgress(number, total, pair, String.format(Locale.ROOT, "training scale %d of %d, iteration %d of %d",
                scale + 1, scales, iteration, iterations), (number - 1 + 0.9 * withinPair) / total);
    }

    static BatchProgress sampling(int number, int total, String pair, int written, int outputs) {
        return new BatchProgress(number, total, pair, String.format(Locale.ROOT, "writing sample %d of %d", written, outputs),
                (number - 1 + 0.9 + 0.1 * written / Math.max(1, outputs)) / total);
    }

    String describe() {
        return String.format(Locale.ROOT, "Pair %d of %d: %s, %s", number, total, pair, step);
    }
}
