package org.singanseg.studio.ui.gallery;

/** How the gallery and the compare view draw masks on the images. */
public enum MaskStyle {
    OVERLAY("Overlay"), OUTLINE("Outline"), HIDDEN("Hidden");

    private final String title;

    MaskStyle(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
