package org.singanseg.studio.core.gan;

import org.singanseg.studio.core.image.Pyramid;

/**
 * The time a training run takes, before it starts and while it goes, from one model: every scale
 * expects the seconds per iteration that the calibration ({@link DurationEstimator}) predicts for
 * its pixels and network width. Once the run has measured its own pace at a scale, every expected
 * figure is scaled by the ratio of that measured pace to the expected one at that scale, so the
 * estimate keeps the calibration's growth with size and takes its level from the run itself (the
 * latest measured scale, the most like the finer ones still to come). Without a calibration the
 * growth is that of the arithmetic alone and the level comes from the run from its first iteration.
 */
final class EtaModel {
    /** The first iterations of a scale allocate and compile and are slower: its pace is timed after them. */
    static final int WARM_UP = 3;
    /**
     * A training iteration's arithmetic in generator forward passes over the same pixels (critic
     * and penalty passes, backward passes, reconstruction): what one forward pass weighs beside it.
     */
    private static final double FORWARD_PASSES_PER_ITERATION = 30;

    private final double[] expected;
    private final boolean calibrated;
    private final int iterations;
    /** The latest scale whose steady pace was measured, or -1. */
    private int measuredScale = -1;
    private double measuredPace;
    private double warmUpSeconds;

    /** @param calibration this machine's timing, or null when there is none (the command line's runs) */
    EtaModel(TrainingSettings settings, Pyramid pyramid, DurationEstimator calibration) {
        DurationEstimator cost = calibration != null ? calibration : DurationEstimator.ARITHMETIC;
        expected = new double[pyramid.scales()];
        double coarserPixels = 0;
        for (int k = 0; k < expected.length; k++) {
            double pixels = (double) pyramid.heights()[k] * pyramid.widths()[k];
            double trained = TrainingWindow.pixels(pyramid.heights()[k], pyramid.widths()[k], settings.windowSize());
            if (trained < pixels) {
                // A window's iteration still draws its inputs through the coarser scales, whole.
                trained += settings.criticSteps() * coarserPixels / FORWARD_PASSES_PER_ITERATION;
            }
            expected[k] = cost.secondsPerIteration(settings, k, trained);
            coarserPixels += pixels;
        }
        calibrated = calibration != null;
        iterations = settings.iterations();
    }

    /** The whole run as the calibration expects it, before any iteration. */
    double totalSeconds() {
        return left(0, 0, 1);
    }

    /**
     * Called after every iteration.
     *
     * @param iterationsDone iterations of this scale done so far
     * @param elapsedSeconds since this scale's first iteration began
     */
    double secondsLeft(int scale, int iterationsDone, double elapsedSeconds) {
        if (iterationsDone == WARM_UP) {
            warmUpSeconds = elapsedSeconds;
        } else if (iterationsDone > WARM_UP) {
            measuredScale = scale;
            measuredPace = (elapsedSeconds - warmUpSeconds) / (iterationsDone - WARM_UP);
        }
        double ratio = measuredScale >= 0 ? measuredPace / expected[measuredScale]
                : calibrated ? 1
                : elapsedSeconds / iterationsDone / expected[scale];
        return left(scale, iterationsDone, ratio);
    }

    private double left(int scale, int iterationsDone, double ratio) {
        double units = (iterations - iterationsDone) * expected[scale];
        for (int k = scale + 1; k < expected.length; k++) {
            units += iterations * expected[k];
        }
        return units * ratio;
    }
}
