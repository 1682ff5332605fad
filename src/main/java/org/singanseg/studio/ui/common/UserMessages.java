package org.singanseg.studio.ui.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.model.InvalidModelException;

/** Exceptions in words a clinician can act on; the stack trace goes to the log, never on screen. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String saveFailed(Path file, IOException e) {
        return "Could not save " + file.getFileName() + ": " + reason(e);
    }

    /**
     * The message of our own input errors (and of invalid settings, which the engine reports as
     * IllegalArgumentException in words); a short explanation for everything else.
     */
    public static String describe(Throwable error) {
        if (error instanceof InvalidInputException || error instanceof InvalidModelException
                || error instanceof IllegalArgumentException) {
            return error.getMessage();
        }
        if (error instanceof IOException io) {
            return reason(io);
        }
        if (error instanceof OutOfMemoryError) {
            return "The app ran out of memory. Close other projects or programs, or use a smaller image.";
        }
        return "Something went wrong (" + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ").";
    }

    private static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left")) {
            return "the disk is full. Free some space and try again; nothing was overwritten.";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied for " + ((FileSystemException) e).getFile() + ". Choose another folder.";
        }
        return message + ".";
    }
}
