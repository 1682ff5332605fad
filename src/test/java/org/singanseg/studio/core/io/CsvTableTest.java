package org.singanseg.studio.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void parseReadsBackWhatATableWrites() {
        CsvTable table = new CsvTable(List.of("name", "note", "value"));
        table.row(List.of("a", "has, a comma", "1.5"));
        table.row(List.of("b", "says \"hi\"\r\nover two lines", ""));
        table.row(java.util.Arrays.asList("c", null, CsvTable.decimal(Double.NaN)));
        assertEquals(List.of(List.of("name", "note", "value"), List.of("a", "has, a comma", "1.5"),
                        List.of("b", "says \"hi\"\r\nover two lines", ""), List.of("c", "", "")),
                CsvTable.parse(new String(table.bytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void parseTakesLineFeedsAByteOrderMarkAndSkipsEmptyLines() {
        assertEquals(List.of(List.of("x", "y"), List.of("1", "2")), CsvTable.parse("\uFEFFx,y\n\n1,2\n"));
        assertEquals(List.of(List.of("", "")), CsvTable.parse(","));
        assertEquals(List.of(), CsvTable.parse(""));
    }
}
