package org.singanseg.studio.core.model;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.singanseg.studio.core.io.ByteSizes;
import org.singanseg.studio.core.io.ConfinedPaths;

/**
 * A model file's zip, opened through its central directory so that every command judges a file
 * alike: one cut short (even by its directory alone) is damaged for all of them. An entry is
 * read into memory only up to a limit its caller knows from the descriptor, and refused before
 * reading when the directory already claims more, so that a crafted entry (a few MB that inflate
 * to gigabytes) cannot exhaust memory. Nothing is ever extracted to disk.
 */
final class ModelArchive implements Closeable {
    /** The most a Java array holds. */
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final Path file;
    private final ZipFile zip;

    private ModelArchive(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    static ModelArchive open(Path file) throws InvalidModelException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new InvalidModelException("The model file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw startsLikeZip(file) ? ModelProblems.damaged(file, "it is not a complete zip archive", e)
                    : ModelProblems.notAModel(file, e);
        }
        ModelArchive archive = new ModelArchive(file, zip);
        try {
            archive.checkNames();
        } catch (InvalidModelException e) {
            archive.close();
            throw e;
        }
        return archive;
    }

    boolean contains(String name) {
        return zip.getEntry(name) != null;
    }

    /** The entry's bytes; damaged when it is missing, holds more than maxBytes or fails its checksum. */
    byte[] read(String name, long limit) throws InvalidModelException {
        long maxBytes = Math.min(limit, MAX_ARRAY_BYTES);
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw ModelProblems.damaged(file, "it has no " + name, null);
        }
        if (entry.getSize() > maxBytes) {
            throw tooLarge(name, entry.getSize(), maxBytes);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            // The directory's size may lie: never take more than the limit, whatever it says.
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, entry.getSize()));
            in.transferTo(new LimitedOutput(out, maxBytes));
            byte[] bytes = out.toByteArray();
            // ZipFile checks neither: a lying directory or flipped bits would pass for weights.
            if (bytes.length != entry.getSize() || crc(bytes) != entry.getCrc()) {
                throw ModelProblems.damaged(file, name + " does not match the size and checksum its archive gives", null);
            }
            return bytes;
        } catch (LimitedOutput.LimitExceeded e) {
            throw tooLarge(name, -1, maxBytes);
        } catch (IOException e) {
            throw ModelProblems.damaged(file, name + " cannot be read", e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Only read from: nothing to lose.
        }
    }

    /** A name leading outside the archive's folders marks a file that is not ours (and is never extracted anyway). */
    private void checkNames() throws InvalidModelException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (!ConfinedPaths.isConfined(name)) {
                throw ModelProblems.damaged(file, "it holds an entry named '" + name + "', outside its folders", null);
            }
        }
    }

    /** A zip's first entry header (PK 3 4): a zip cut short, rather than another kind of file. */
    private static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[]{'P', 'K', 3, 4});
        } catch (IOException e) {
            return false;
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private InvalidModelException tooLarge(String name, long claimed, long maxBytes) {
        String size = claimed >= 0 ? "claims " + ByteSizes.describe(claimed) : "holds more than " + ByteSizes.describe(maxBytes);
        return ModelProblems.damaged(file, name + " " + size + ", more than its description allows ("
                + ByteSizes.describe(maxBytes) + ")", null);
    }
}
