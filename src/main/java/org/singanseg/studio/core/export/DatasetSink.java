package org.singanseg.studio.core.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.singanseg.studio.core.io.ConfinedPaths;

/**
 * Where the files of a dataset go, by relative path ({@code images/syn_00001.png}): a folder or a
 * zip archive. Both are written into a staging path (see {@link StagedTarget}), never the target,
 * and refuse a path that would lead outside it (see {@link ConfinedPaths}).
 */
interface DatasetSink extends Closeable {

    void put(String path, byte[] bytes) throws IOException;

    /** Bytes written; for a zip, valid once closed. */
    long bytes() throws IOException;

    static DatasetSink create(Path staging, boolean zip) throws IOException {
        return zip ? new ZipSink(staging) : new FolderSink(staging);
    }

    /** Files under a new folder. */
    final class FolderSink implements DatasetSink {
        private final Path root;
        private long bytes;

        FolderSink(Path root) throws IOException {
            this.root = Files.createDirectory(root);
        }

        @Override
        public void put(String path, byte[] content) throws IOException {
            Path file = ConfinedPaths.under(root, path);
            Files.createDirectories(file.getParent());
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            bytes += content.length;
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public void close() {
            // Every file is complete when put returns.
        }
    }

    /** Entries of a new zip file. */
    final class ZipSink implements DatasetSink {
        private final Path file;
        private final ZipOutputStream zip;

        ZipSink(Path file) throws IOException {
            this.file = file;
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void put(String path, byte[] content) throws IOException {
            zip.putNextEntry(new ZipEntry(ConfinedPaths.relative(path)));
            zip.write(content);
            zip.closeEntry();
        }

        @Override
        public long bytes() throws IOException {
            return Files.size(file);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
