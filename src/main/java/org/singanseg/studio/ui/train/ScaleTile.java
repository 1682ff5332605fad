package org.singanseg.studio.ui.train;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One scale of the pyramid as the strip shows it: size, network width and how far it is. */
public final class ScaleTile {
    /** Where a scale stands in the run. */
    public enum State { WAITING, TRAINING, DONE }

    private final int index;
    private final int height;
    private final int width;
    private final int networkWidth;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);

    public ScaleTile(int index, int height, int width, int networkWidth) {
        this.index = index;
        this.height = height;
        this.width = width;
        this.networkWidth = networkWidth;
    }

    public int index() {
        return index;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int networkWidth() {
        return networkWidth;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }
}
