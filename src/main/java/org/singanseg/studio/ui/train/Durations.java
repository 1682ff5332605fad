package org.singanseg.studio.ui.train;

import java.util.Locale;

/** Durations in words: "40 s", "12 min", "3 h 20 min". */
final class Durations {
    private Durations() {
    }

    static String describe(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(0, seconds));
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 90) {
            return minutes + " min";
        }
        return (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
