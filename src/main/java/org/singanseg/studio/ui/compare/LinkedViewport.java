package org.singanseg.studio.ui.compare;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Zoom and pan shared by the real and the synthetic view, in image-relative terms (the centre as a
 * fraction of width and height, zoom relative to fitting the pane), so images of different pixel
 * sizes stay locked to the same place.
 */
public final class LinkedViewport {
    static final double MAX_ZOOM = 16;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty centreX = new SimpleDoubleProperty(0.5);
    private final DoubleProperty centreY = new SimpleDoubleProperty(0.5);

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty centreXProperty() {
        return centreX;
    }

    public DoubleProperty centreYProperty() {
        return centreY;
    }

    public void fit() {
        zoom.set(1);
        centreX.set(0.5);
        centreY.set(0.5);
    }

    /** Zooms by {@code factor} keeping the image point at relative ({@code fx}, {@code fy}) in place. */
    public void zoomAround(double factor, double fx, double fy) {
        double old = zoom.get();
        double next = Math.max(1, Math.min(MAX_ZOOM, old * factor));
        double kept = old / next;
        centreX.set(clamp(fx + (centreX.get() - fx) * kept));
        centreY.set(clamp(fy + (centreY.get() - fy) * kept));
        zoom.set(next);
    }

    /** Moves the view by a fraction of the image. */
    public void panBy(double dx, double dy) {
        centreX.set(clamp(centreX.get() + dx));
        centreY.set(clamp(centreY.get() + dy));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
