package org.singanseg.studio.core.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A CSV file's text, built row by row: RFC 4180 quoting and CRLF line ends, decimals with a dot
 * whatever the locale, unknown values as empty cells. Shared by the dataset manifests so that they
 * read alike in spreadsheets and scripts.
 */
public final class CsvTable {
    private final StringBuilder csv = new StringBuilder();

    /** A table whose first row names the columns. */
    public CsvTable(List<String> columns) {
        row(columns);
    }

    public void row(List<String> cells) {
        csv.append(cells.stream().map(CsvTable::quoted).collect(Collectors.joining(","))).append("\r\n");
    }

    public byte[] bytes() {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Six decimals; NaN and infinities (values never measured) as an empty cell. */
    public static String decimal(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }

    private static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
