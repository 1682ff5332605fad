package org.singanseg.studio.core.batch;

/**
 * A file or pair that batch training left out, and why (a sentence that says what to do).
 *
 * @param name a file name (an unmatched file) or a pair name (a pair that cannot be trained)
 */
public record SkippedInput(String name, String reason) {
}
