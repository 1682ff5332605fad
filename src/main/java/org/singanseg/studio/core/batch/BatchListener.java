package org.singanseg.studio.core.batch;

import org.singanseg.studio.core.gan.TrainingListener;

/**
 * Progress of a batch, pair by pair, called on the batch's thread: implementations must return
 * quickly. The {@link TrainingListener} events of the pair being trained arrive in between, from
 * its {@code trainingStarted} (whose settings carry the pair's seed) to its last {@code scaleFinished}.
 */
public interface BatchListener extends TrainingListener {

    /** @param number 1-based position of the pair in this run */
    default void pairStarted(BatchPair pair, int number, int total) {
    }

    /** A synthetic pair (or the real one) was written: {@code done} of {@code total} missing outputs. */
    default void outputWritten(BatchPair pair, int done, int total) {
    }

    default void pairFinished(PairResult result) {
    }

    /** The pair cannot be used; the reason says why and what to do. The batch goes on. */
    default void pairSkipped(BatchPair pair, String reason) {
    }
}
