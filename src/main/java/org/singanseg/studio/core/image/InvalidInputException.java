package org.singanseg.studio.core.image;

/**
 * An input the engine cannot use, with a message for the user that says what is wrong and what to
 * do. Callers show the message as it is (no stack trace) and keep the user's work.
 */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
