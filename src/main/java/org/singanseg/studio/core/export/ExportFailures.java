package org.singanseg.studio.core.export;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.WriteFailures;

/**
 * Turns the I/O errors of an export into messages that say what is wrong and what to do: a
 * read-only folder or a full disk where the dataset goes, or a source file that cannot be read.
 */
final class ExportFailures {
    private ExportFailures() {
    }

    static InvalidInputException reading(Path file, IOException e) {
        return new InvalidInputException("Cannot read " + file + " (" + reason(e) + "). Check that its "
                + "folder is complete and readable, then export again.", e);
    }

    /** The words every command gives for a failed write (read-only, full disk, ...), about the target's folder. */
    static InvalidInputException writing(Path target, IOException e) {
        return new InvalidInputException(WriteFailures.writing(target.getParent(), e).getMessage(), e);
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return reason != null ? reason : e.getClass().getSimpleName();
    }
}
