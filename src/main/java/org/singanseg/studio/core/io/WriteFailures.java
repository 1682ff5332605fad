package org.singanseg.studio.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a failed write into words that say what is wrong and what to do: a read-only folder (or
 * one the user may not write to), a full disk with the space left, or the system's reason. The
 * cause may come wrapped (the PNG writer wraps the disk's error in its own), so the innermost
 * I/O error is the one judged. Shared by every command and the export.
 */
public final class WriteFailures {
    private static final long MB = 1024 * 1024;

    private WriteFailures() {
    }

    /** The failure of a write into the folder (or to a file in it). */
    public static OutputPlaceException writing(Path folder, IOException e) {
        if (e instanceof OutputPlaceException known) {
            return known;
        }
        IOException cause = innermost(e);
        Path existing = existing(folder);
        if (readOnly(existing, cause)) {
            return new OutputPlaceException("Cannot write to " + folder + ": the folder is read-only (or you may not "
                    + "write there). Choose another folder.", e);
        }
        if (diskFull(cause)) {
            return new OutputPlaceException("Cannot write to " + folder + ": the disk is full" + freeSpace(existing)
                    + ". Choose another folder or free space.", e);
        }
        return new OutputPlaceException("Cannot write to " + folder + " (" + reason(cause) + "). Choose another folder.",
                e);
    }

    /** The innermost I/O error of a chain, where the system's reason is. */
    static IOException innermost(IOException e) {
        IOException found = e;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                found = io;
            }
        }
        return found;
    }

    /** The folder, or the deepest existing one above it (the folder may not have been made yet). */
    private static Path existing(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p.getParent() != null && !Files.isDirectory(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static boolean readOnly(Path folder, IOException e) {
        String reason = reason(e).toLowerCase(Locale.ROOT);
        return e instanceof AccessDeniedException || reason.contains("read-only file system")
                || reason.contains("operation not permitted") || Files.isDirectory(folder) && !Files.isWritable(folder);
    }

    private static boolean diskFull(IOException e) {
        String reason = reason(e).toLowerCase(Locale.ROOT);
        return reason.contains("no space left") || reason.contains("disk quota exceeded");
    }

    /** " (N MB free)", or "" when the free space cannot be told. */
    private static String freeSpace(Path folder) {
        try {
            return String.format(Locale.ROOT, " (%d MB free)", Files.getFileStore(folder).getUsableSpace() / MB);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            // A folder that cannot hold new files (/proc), or one removed meanwhile.
            return "the system lets no files be made there";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return reason != null ? reason : e.getClass().getSimpleName();
    }
}
