package org.singanseg.studio.ui.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.gan.Preset;

/**
 * Samples of the small presets (96 px at the Quick preset's finest scale) are shown beside or in
 * place of 720 px frames: they are enlarged smoothly, by a whole factor, and a note says so, with
 * the presets that make larger ones.
 */
public final class Enlargement {
    private static final int MAX_FACTOR = 8;

    private Enlargement() {
    }

    /** The whole factor that brings the longer side to at least {@code shownSide} px (1: none), at most 8. */
    public static int factor(int width, int height, double shownSide) {
        int longer = Math.max(1, Math.max(width, height));
        return (int) Math.max(1, Math.min(MAX_FACTOR, Math.ceil(shownSide / longer)));
    }

    /** What the user sees of an enlarged sample's real size; empty when it is not enlarged. */
    public static String note(int width, int height, int factor) {
        if (factor <= 1) {
            return "";
        }
        String note = String.format(Locale.ROOT, "%d × %d px, shown enlarged %d×.", width, height, factor);
        List<String> larger = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Preset preset : Preset.CHOICES) {
            int size = preset.settings().maxSize();
            if (size > Math.max(width, height)) {
                larger.add(preset.title());
                sizes.add(size);
            }
        }
        if (larger.isEmpty()) {
            return note;
        }
        return note + " The " + listed(larger) + " preset" + (larger.size() == 1 ? " makes" : "s make")
                + " larger samples (" + listed(sizes.stream().distinct().sorted().map(String::valueOf).toList()) + " px).";
    }

    /** "a", "a and b", "a, b and c". */
    private static String listed(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}
