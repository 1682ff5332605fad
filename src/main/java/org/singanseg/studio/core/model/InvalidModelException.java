package org.singanseg.studio.core.model;

/** A model file that cannot be used, with a message for the user. */
public final class InvalidModelException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
