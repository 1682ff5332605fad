package org.singanseg.studio.ui.train;

import java.util.Locale;

/** Durations in words: "40 s", "12 min", "3 h 20 min" as estimates, "11 min 16 s" as measured. */
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

    /** "about 12 min left", or nothing while there is no estimate. */
    static String left(double seconds) {
        return Double.isNaN(seconds) ? "" : "about " + describe(seconds) + " left";
    }

    /** A measured duration to the second (to the minute from an hour on). */
    static String exact(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
