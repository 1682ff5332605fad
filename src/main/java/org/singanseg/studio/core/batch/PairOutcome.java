package org.singanseg.studio.core.batch;

/** What batch training did with a pair it could use. */
public enum PairOutcome {
    /** Trained from the start, then sampled. */
    TRAINED,
    /** Continued an unfinished model from its checkpoint, then sampled. */
    RESUMED,
    /** The model was complete; only missing outputs were made. */
    SAMPLED,
    /** Everything was there already: nothing done. */
    COMPLETE
}
