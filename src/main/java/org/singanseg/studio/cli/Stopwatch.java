package org.singanseg.studio.cli;

import java.util.Arrays;

/** Median wall time of a repeated action, after warm-up runs. */
final class Stopwatch {
    private Stopwatch() {
    }

    /**
     * @param minRuns    at least this many timed runs
     * @param minSeconds and at least this much timed work in total
     */
    static double medianMillis(Runnable action, int warmupRuns, int minRuns, double minSeconds) {
        // Warm up for a number of runs and at least half a second, so the JIT has compiled the
        // Java side and oneDNN has built its kernels before anything is timed.
        long warmupEnd = System.nanoTime() + 500_000_000L;
        for (int i = 0; i < warmupRuns || System.nanoTime() < warmupEnd; i++) {
            action.run();
        }
        double[] times = new double[1024];
        int runs = 0;
        double total = 0;
        while (runs < times.length && (runs < minRuns || total < minSeconds * 1000)) {
            long start = System.nanoTime();
            action.run();
            times[runs] = (System.nanoTime() - start) / 1e6;
            total += times[runs];
            runs++;
        }
        double[] measured = Arrays.copyOf(times, runs);
        Arrays.sort(measured);
        return runs % 2 == 1 ? measured[runs / 2] : (measured[runs / 2 - 1] + measured[runs / 2]) / 2;
    }
}
