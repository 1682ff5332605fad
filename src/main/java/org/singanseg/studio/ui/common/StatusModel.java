package org.singanseg.studio.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar shows: the last message, short file work running now, a long job's progress
 * (a training), and the engine in use.
 */
public final class StatusModel {
    private final StringProperty message = new SimpleStringProperty("Ready");
    private final StringProperty running = new SimpleStringProperty("");
    private final StringProperty activity = new SimpleStringProperty("");
    private final DoubleProperty activityProgress = new SimpleDoubleProperty();
    private final StringProperty backend = new SimpleStringProperty("Starting engine…");

    public StringProperty messageProperty() {
        return message;
    }

    /** Empty when nothing runs in the background. */
    public StringProperty runningProperty() {
        return running;
    }

    /** A long job in words while it runs (shown instead of the last message), else empty. */
    public StringProperty activityProperty() {
        return activity;
    }

    /** How far the long job is, 0 to 1. */
    public DoubleProperty activityProgressProperty() {
        return activityProgress;
    }

    public StringProperty backendProperty() {
        return backend;
    }
}
