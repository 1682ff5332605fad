package org.singanseg.studio.core.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.singanseg.studio.core.image.InvalidInputException;

/**
 * Turns the I/O errors of an export into messages that say what is wrong and what to do: a
 * read-only folder or a full disk where the dataset goes, or a project file that cannot be read.
 */
final class ExportFailures {
    private static final long MB = 1024 * 1024;

    private ExportFailures() {
    }

    static InvalidInputException reading(Path file, IOException e) {
        return new InvalidInputException("Cannot read " + file + " (" + reason(e) + "). Check that the project "
                + "folder is complete and readable, then export again.", e);
    }

    static InvalidInputException writing(Path target, IOException e) {
        Path folder = target.getParent();
        if (readOnly(folder, e)) {
            return new InvalidInputException("Cannot write to " + folder + ": the folder is read-only (or you may not "
                    + "write there). Choose another folder.", e);
        }
        if (diskFull(e)) {
            return new InvalidInputException("Cannot write to " + folder + ": the disk is full" + freeSpace(folder)
                    + ". Choose another folder or free space.", e);
        }
        return new InvalidInputException("Cannot write to " + folder + " (" + reason(e) + "). Choose another folder.", e);
    }

    private static boolean readOnly(Path folder, IOException e) {
        return e instanceof AccessDeniedException
                || reason(e).toLowerCase(Locale.ROOT).contains("read-only file system")
                || Files.isDirectory(folder) && !Files.isWritable(folder);
    }

    private static boolean diskFull(IOException e) {
        String reason = reason(e).toLowerCase(Locale.ROOT);
        return reason.contains("no space left") || reason.contains("disk quota exceeded");
    }

    /** " (N MB free)", or "" when the free space cannot be told. */
    private static String freeSpace(Path folder) {
        try {
            return String.format(Locale.ROOT, " (%d MB free)", Files.getFileStore(folder).getUsableSpace() / MB);
        } catch (IOException e) {
            return "";
        }
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return reason != null ? reason : e.getClass().getSimpleName();
    }
}
