package org.singanseg.studio.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.io.UnsafePathException;

/** Both sinks write only below their staging path, whatever path they are handed. */
class DatasetSinkTest {
    private static final byte[] BYTES = {1, 2, 3};

    @TempDir
    Path dir;

    @Test
    void aFolderSinkRefusesAPathThatLeavesIt() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("out")).resolve(".dataset.partial");
        try (DatasetSink sink = DatasetSink.create(staging, false)) {
            sink.put("images/a.png", BYTES);
            assertThrows(UnsafePathException.class, () -> sink.put("images/../../slipped/x.png", BYTES));
        }
        assertEquals(List.of(".dataset.partial"), names(dir.resolve("out")));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void aZipSinkRefusesAnEntryThatLeavesIt() throws Exception {
        Path zip = dir.resolve("dataset.zip");
        try (DatasetSink sink = DatasetSink.create(zip, true)) {
            sink.put("images/a.png", BYTES);
            assertThrows(UnsafePathException.class, () -> sink.put("images/../../../slipped/x.png", BYTES));
            assertThrows(UnsafePathException.class, () -> sink.put("/etc/x.png", BYTES));
        }
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry e = entriesIn.getNextEntry(); e != null; e = entriesIn.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertEquals(List.of("images/a.png"), entries);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
