package org.singanseg.studio.ui.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the status bar shows: the last message, what is running now, and the engine in use. */
public final class StatusModel {
    private final StringProperty message = new SimpleStringProperty("Ready");
    private final StringProperty running = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("Starting engine…");

    public StringProperty messageProperty() {
        return message;
    }

    /** Empty when nothing runs in the background. */
    public StringProperty runningProperty() {
        return running;
    }

    public StringProperty backendProperty() {
        return backend;
    }
}
