package org.singanseg.studio.core.gan;

/**
 * Estimates the time left from the current scale's speed, assuming an iteration's cost grows with
 * pixels times width squared (the convolutions' share), which holds well at the finer scales.
 */
final class EtaModel {
    private final int[] heights;
    private final int[] widths;
    private final int[] networkWidths;
    private final int iterations;

    EtaModel(int[] heights, int[] widths, int[] networkWidths, int iterations) {
        this.heights = heights;
        this.widths = widths;
        this.networkWidths = networkWidths;
        this.iterations = iterations;
    }

    double secondsLeft(int scale, int iterationsDone, double secondsPerIteration) {
        double left = (iterations - iterationsDone) * secondsPerIteration;
        double current = cost(scale);
        for (int k = scale + 1; k < heights.length; k++) {
            left += iterations * secondsPerIteration * cost(k) / current;
        }
        return left;
    }

    private double cost(int scale) {
        double width = networkWidths[scale];
        return (double) heights[scale] * widths[scale] * width * width;
    }
}
