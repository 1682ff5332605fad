package org.singanseg.studio.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.singan");
        AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    /** A killed write (a checkpoint cut off by a kill) leaves its part file: the next write over that file removes it. */
    @Test
    void theNextWriteRemovesTheStalePartFilesOfItsTarget() throws IOException {
        Path file = dir.resolve("model.singan");
        AtomicFiles.write(file, out -> out.write("checkpoint 1".getBytes(StandardCharsets.UTF_8)));
        Path stale = Files.writeString(dir.resolve(".model.singan." + UUID.randomUUID() + ".part"), "cut off");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(dir.resolve(".model.singan." + UUID.randomUUID() + ".part"), "being written");
        Path otherTarget = Files.writeString(dir.resolve(".model.singan.bak." + UUID.randomUUID() + ".part"), "x");
        Files.setLastModifiedTime(otherTarget, Files.getLastModifiedTime(stale));
        Path notOurs = Files.writeString(dir.resolve(".model.singan.notes.part"), "x");
        Files.setLastModifiedTime(notOurs, Files.getLastModifiedTime(stale));

        AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(file));
        assertFalse(Files.exists(stale), "the leftover of a killed write is removed");
        assertTrue(Files.exists(fresh), "a part file that may still be being written stays");
        assertTrue(Files.exists(otherTarget) && Files.exists(notOurs), "other files stay");
    }

    @Test
    void writtenFilesAreReadableByOthersLikeAnyNewFile() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path file = dir.resolve("0000_img.png");
        AtomicFiles.write(file, out -> out.write(1));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_READ));
    }
}
