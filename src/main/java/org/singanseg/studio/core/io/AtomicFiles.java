package org.singanseg.studio.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary file in the same folder and a move, so a crash or a full disk
 * never leaves a half-written file under the real name (the old file, if any, stays intact).
 *
 * <p>A killed process (a checkpoint cut off by Ctrl-C or a cluster's time limit) leaves its
 * temporary file, {@code .NAME.UUID.part}; the next write over NAME removes those that are stale.
 * Only a write over an existing file looks for them: the files written again and again
 * (checkpoints, catalogs, manifests) are where they pile up, and a look on every new file would
 * list a folder of thousands of samples once per sample.
 */
public final class AtomicFiles {
    /**
     * How long a temporary file may go unchanged before it counts as a killed write's leftover.
     * Another process may be writing the same file (shards rebuild one manifest.csv), and a live
     * write changes its file far more often than this.
     */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Pattern UUID_PART = Pattern.compile(
            "\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.part");

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            removeStaleParts(folder, target.getFileName().toString());
        }
        // Not createTempFile: its files are private (0600), and the move would keep that mode.
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Deletes the stale temporary files of the target; one that cannot be deleted is left for the next write. */
    private static void removeStaleParts(Path folder, String targetName) throws IOException {
        String prefix = "." + targetName;
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        // A filter, not a glob: the target's name may hold a glob's special characters.
        DirectoryStream.Filter<Path> ours = file -> {
            String name = file.getFileName().toString();
            return name.startsWith(prefix) && UUID_PART.matcher(name.substring(prefix.length())).matches();
        };
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ours)) {
            for (Path part : parts) {
                if (isUnchangedSince(part, staleBefore)) {
                    deleteQuietly(part);
                }
            }
        }
    }

    private static boolean isUnchangedSince(Path file, Instant time) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(time);
        } catch (IOException gone) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The write itself matters more; the next one tries again.
        }
    }
}
