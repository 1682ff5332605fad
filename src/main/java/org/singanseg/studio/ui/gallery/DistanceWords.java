package org.singanseg.studio.ui.gallery;

import java.util.Locale;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The patch distance as the Gallery and Compare steps name it: a plain label, and the technical
 * meaning in a tooltip for those who want it.
 */
public final class DistanceWords {
    public static final String LABEL = "Distance to real";
    private static final String EXPLANATION = "How far this sample's textures and colours are from the real image's: "
            + "lower = closer to the real image. Sort by it to find the odd ones out.\n\nPatch distance: the sliced "
            + "Wasserstein distance of 7×7 patch statistics over a Laplacian pyramid, synthetic to real "
            + "(0 = the same statistics).";

    private DistanceWords() {
    }

    /** The figure, or "unknown" for samples written without one. */
    public static String value(double distance) {
        return Double.isNaN(distance) ? "unknown" : String.format(Locale.ROOT, "%.3f", distance);
    }

    public static Tooltip tooltip() {
        Tooltip tooltip = new Tooltip(EXPLANATION);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }
}
