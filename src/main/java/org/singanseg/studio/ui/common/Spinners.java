package org.singanseg.studio.ui.common;

import javafx.scene.control.Spinner;

/** Typed values of editable spinners, taken even while a field still has the focus. */
public final class Spinners {
    private Spinners() {
    }

    /**
     * Commits what was typed into each spinner; false when a field holds no number (empty or not
     * parseable), so the caller can say what to enter instead of failing later.
     */
    public static boolean commit(Spinner<?>... spinners) {
        for (Spinner<?> spinner : spinners) {
            try {
                spinner.commitValue();
            } catch (RuntimeException e) {
                // The converters throw NumberFormatException, or a RuntimeException around a ParseException.
                return false;
            }
            if (spinner.getValue() == null) {
                return false;
            }
        }
        return true;
    }
}
