package org.singanseg.studio.core.batch;

/**
 * One pair done.
 *
 * @param seed           the pair's seed (training and sampling)
 * @param samplesWritten synthetic pairs written in this run
 */
public record PairResult(BatchPair pair, PairOutcome outcome, long seed, int samplesWritten, double seconds) {
}
