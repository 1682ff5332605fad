package org.singanseg.studio.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogTest {
    private static final List<String> COLUMNS = List.of("index", "name");

    @TempDir
    Path dir;

    @Test
    void eachRowIsInTheFileAsSoonAsItIsAppended() throws Exception {
        Path file = dir.resolve("list.csv");
        try (CsvLog log = CsvLog.open(file, COLUMNS)) {
            log.start(row -> true);
            log.append(List.of("0", "a, \"quoted\" name"));
            // Still open: a kill now would leave exactly this on disk.
            assertEquals("index,name\r\n0,\"a, \"\"quoted\"\" name\"\r\n", Files.readString(file));
        }
    }

    @Test
    void aRowCutShortAndRowsNotWantedAreDroppedOnReopening() throws Exception {
        Path file = dir.resolve("list.csv");
        Files.writeString(file, "index,name\r\n0,a\r\n1,\"b\r\nstill b\"\r\n2,c\r\n3,\"d\r\ncut-sh", StandardCharsets.UTF_8);
        try (CsvLog log = CsvLog.open(file, COLUMNS)) {
            assertEquals(COLUMNS, log.header());
            assertEquals(List.of(List.of("0", "a"), List.of("1", "b\r\nstill b"), List.of("2", "c")), log.rows());
            log.start(row -> !row.get(0).equals("2"));
            log.append(List.of("3", "d"));
        }
        assertEquals("index,name\r\n0,a\r\n1,\"b\r\nstill b\"\r\n3,d\r\n", Files.readString(file));
    }
}
