package org.singanseg.studio.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Checks, before any work starts, that a command can write where it was told to: the folder is
 * not a file, its missing folders can be made, and a file can be written there (one block, so
 * that a full disk shows). The check leaves nothing behind: the folders it made and its test file
 * are removed again, so that a command refused later leaves no empty folder.
 */
public final class OutputPlaces {
    /** One block of most file systems: a full one refuses it. */
    private static final int PROBE_BYTES = 4096;
    private static final int CLASH_ATTEMPTS = 5;

    private OutputPlaces() {
    }

    /** A folder the command fills (made when missing). */
    public static void checkFolder(Path folder) throws OutputPlaceException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (isFile(absolute)) {
            throw new OutputPlaceException(folder + " is a file, not a folder. Choose a folder.");
        }
        probe(absolute, folder);
    }

    /** A file the command writes (through a temporary file beside it, then a move). */
    public static void checkFile(Path file) throws OutputPlaceException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new OutputPlaceException(file + " is a folder. Give the name of a file to write, such as "
                    + file.resolve("model.singan") + ".");
        }
        probe(absolute.getParent(), absolute.getParent());
    }

    private static void probe(Path absolute, Path named) throws OutputPlaceException {
        // Shards of one batch check the same folder at once: one may make a folder while another
        // removes the one it made for its own check. Such a clash is retried, not reported.
        for (int attempt = 1; ; attempt++) {
            try {
                probeOnce(absolute, named);
                return;
            } catch (ConcurrentChange clash) {
                if (attempt == CLASH_ATTEMPTS) {
                    throw WriteFailures.writing(named, (IOException) clash.getCause());
                }
            }
        }
    }

    private static void probeOnce(Path absolute, Path named) throws OutputPlaceException, ConcurrentChange {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && isFile(existing)) {
            throw new OutputPlaceException("Cannot write to " + named + ": " + existing + " is a file, not a folder. "
                    + "Choose another place.");
        }
        Deque<Path> made = new ArrayDeque<>();
        Path test = absolute.resolve(".write-check-" + UUID.randomUUID());
        try {
            makeFolders(absolute, existing, made);
            try (OutputStream out = Files.newOutputStream(test, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC)) {
                out.write(new byte[PROBE_BYTES]);
            }
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            throw new ConcurrentChange(e);
        } catch (IOException e) {
            throw WriteFailures.writing(named, e);
        } finally {
            deleteQuietly(test);
            while (!made.isEmpty()) {
                deleteQuietly(made.pop());
            }
        }
    }

    /**
     * Whether something that is not a folder is there, read in one look: another shard may remove
     * a folder between two looks, which must not read as "a file".
     */
    private static boolean isFile(Path path) {
        try {
            return !Files.readAttributes(path, BasicFileAttributes.class).isDirectory();
        } catch (IOException gone) {
            return false;
        }
    }

    /** Makes the folders from below existing down to folder, remembering each, deepest last. */
    private static void makeFolders(Path folder, Path existing, Deque<Path> made) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder; p != null && !p.equals(existing); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            Files.createDirectory(next);
            made.push(next);
        }
    }

    /** Another process made or removed a folder of the place while it was checked. */
    private static final class ConcurrentChange extends Exception {
        ConcurrentChange(IOException cause) {
            super(cause);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing was written there that matters.
        }
    }
}
