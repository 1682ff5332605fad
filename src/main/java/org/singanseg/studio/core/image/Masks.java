package org.singanseg.studio.core.image;

/** Figures about binary masks. */
public final class Masks {
    private Masks() {
    }

    /** Fraction of pixels inside the mask. */
    public static double coverage(boolean[] mask) {
        int inside = 0;
        for (boolean b : mask) {
            if (b) {
                inside++;
            }
        }
        return (double) inside / mask.length;
    }
}
