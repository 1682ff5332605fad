package org.singanseg.studio.core.io;

import java.io.IOException;

/**
 * A place the app cannot write its output to (a read-only or full disk, no permission, a file
 * where a folder belongs), with a message for the user that says what is wrong and what to do.
 */
public final class OutputPlaceException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputPlaceException(String message) {
        super(message);
    }

    public OutputPlaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
