package org.singanseg.studio.core.gan;

import org.singanseg.studio.core.image.Planes;

/**
 * Progress of a training run as plain data, called on the engine thread: implementations must
 * return quickly and copy what they keep (the UI queues it; the command line prints it).
 */
public interface TrainingListener {

    default void trainingStarted(TrainingSettings settings, int[] heights, int[] widths, int[] networkWidths,
                                 int firstScale) {
    }

    default void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
    }

    default void iteration(IterationStats stats) {
    }

    /** Images at the current scale, 4 channels (RGB + mask) in [0, 1]. */
    default void preview(int scale, int iteration, Planes real, Planes reconstruction, Planes sample) {
    }

    default void scaleFinished(int scale, double seconds) {
    }

    /** Losses after one iteration, timing, and the estimated time left for the whole run. */
    record IterationStats(int scale, int iteration, int iterations, double criticReal, double criticFake,
                          double penalty, double generatorAdversarial, double reconstruction,
                          double secondsPerIteration, double secondsLeft) {
    }
}
