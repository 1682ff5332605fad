package org.singanseg.studio.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.FileNameEncoding;
import org.singanseg.studio.core.io.OutputPlaceException;
import org.singanseg.studio.core.model.InvalidModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can fix (bad input, a bad model file, a bad setting, a full disk, a
 * read-only file system) into one clear message and exit code 2; anything else is a bug: a short
 * message, details in the log.
 */
final class UserErrors implements IExecutionExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;
    private static final Logger LOG = LoggerFactory.getLogger(UserErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        String message = messageFor(e);
        if (message != null) {
            command.getErr().println("Error: " + message);
            return USER_ERROR;
        }
        LOG.error("Unexpected failure", e);
        command.getErr().println("Error: an unexpected problem stopped the command (" + e + "). "
                + "Please report it with the log above.");
        return INTERNAL_ERROR;
    }

    static String messageFor(Throwable e) {
        if (e instanceof InvalidPathException path && path.getReason().contains("unmappable")) {
            // A name read from a folder under LANG=C: the words say what to set.
            return FileNameEncoding.advice("The name '" + path.getInput() + "'", FileNameEncoding.system(),
                    System.getenv());
        }
        if (e instanceof InvalidInputException || e instanceof InvalidModelException
                || e instanceof IllegalArgumentException || e instanceof OutputPlaceException) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException denied) {
            return "No permission to write " + denied.getFile() + ". Choose another folder.";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase().contains("read-only file system")) {
            return "Cannot write " + fs.getFile() + ": the file system is read-only here. Files already written "
                    + "are intact; run again where it can be written.";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase().contains("no space")) {
            return "The disk is full while writing " + fs.getFile() + ". Free some space and try again; "
                    + "files already written are intact.";
        }
        if (e instanceof IOException io && io.getMessage() != null
                && io.getMessage().toLowerCase().contains("no space left")) {
            return "The disk is full. Free some space and try again; files already written are intact.";
        }
        return null;
    }
}
