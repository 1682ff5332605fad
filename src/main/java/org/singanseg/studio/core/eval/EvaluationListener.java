package org.singanseg.studio.core.eval;

/**
 * Progress of an {@link Evaluation}, called on its thread (the engine thread): implementations
 * must return quickly. Events come in order: the pairs loading, then for each run
 * {@code runStarted}, its epochs, {@code runFinished}.
 */
public interface EvaluationListener {

    /** {@code done} of the {@code total} real and synthetic pairs are read and resized. */
    default void pairsLoaded(int done, int total) {
    }

    /** @param number 1-based position of the run in the plan */
    default void runStarted(EvaluationRun run, int number, int total) {
    }

    /** The run's model finished an epoch ({@link org.singanseg.studio.core.seg.SegmentationListener}). */
    default void epochFinished(EvaluationRun run, int epoch, int epochs, double loss) {
    }

    default void runFinished(RunResult result, int number, int total) {
    }
}
