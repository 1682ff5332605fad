package org.singanseg.studio.core.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part {@code index} of {@code count} of a batch: every count-th pair in name order, starting at
 * index (0-based). N machines given 0/N ... (N-1)/N share a dataset without talking to each other,
 * and together take every pair exactly once.
 */
public record Shard(int index, int count) {
    /** The whole batch. */
    public static final Shard ALL = new Shard(0, 1);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("The shard count must be at least 1 (--shard k/N with N >= 1).");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("Shard " + index + "/" + count + " does not exist: k counts from 0, "
                    + "so with N = " + count + " it must be 0 to " + (count - 1) + ".");
        }
    }

    /** Parses {@code k/N}, e.g. {@code 0/4}; the message of a bad value says what is expected. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: give k/N, e.g. 0/4 for the first of "
                    + "4 parts (k from 0 to N-1).");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This shard's pairs, from pairs sorted by name. */
    public List<BatchPair> select(List<BatchPair> sortedPairs) {
        List<BatchPair> mine = new ArrayList<>();
        for (int i = index; i < sortedPairs.size(); i += count) {
            mine.add(sortedPairs.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
