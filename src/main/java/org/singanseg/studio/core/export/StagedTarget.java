package org.singanseg.studio.core.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A hidden sibling of an export target ({@code .NAME.partial-UUID}, same folder, so the final move
 * is a rename) that becomes the target only once complete. Until {@link #install()} the target is
 * untouched; {@link #discard()} removes every trace of a failed or cancelled export.
 */
final class StagedTarget {
    private final Path target;
    private final Path staging;

    StagedTarget(Path target) {
        this.target = target;
        this.staging = sibling("partial");
    }

    /** Where the export is written: a folder or a zip file, created by the writer. */
    Path path() {
        return staging;
    }

    /**
     * Moves the staged export into place. An existing target is first renamed aside and restored
     * if the move fails, so it is only ever replaced by a complete export.
     */
    void install() throws IOException {
        boolean bothFiles = !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(staging);
        if (bothFiles || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, target);
            return;
        }
        // A rename cannot replace a non-empty folder, nor a folder by a file or the other way round.
        Path aside = sibling("replaced");
        move(target, aside);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(aside, target);
            throw e;
        }
        try {
            deleteTree(aside);
        } catch (IOException e) {
            // The export is in place; an old copy that cannot be removed now is no reason to fail it.
        }
    }

    /** Deletes whatever was staged; safe to call when nothing was. */
    void discard() throws IOException {
        deleteTree(staging);
    }

    private Path sibling(String role) {
        return target.resolveSibling("." + target.getFileName() + "." + role + "-" + UUID.randomUUID());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
