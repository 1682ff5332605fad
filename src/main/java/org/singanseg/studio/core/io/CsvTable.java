package org.singanseg.studio.core.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A CSV file's text, built row by row: RFC 4180 quoting and CRLF line ends, decimals with a dot
 * whatever the locale, unknown values as empty cells. Shared by the dataset manifests so that they
 * read alike in spreadsheets and scripts; {@link #parse} reads such text back.
 */
public final class CsvTable {
    private final StringBuilder csv = new StringBuilder();

    /** A table whose first row names the columns. */
    public CsvTable(List<String> columns) {
        row(columns);
    }

    public void row(List<String> cells) {
        csv.append(line(cells));
    }

    /** One row's text, quoted, with its CRLF line end (for files that grow a row at a time, see {@link CsvLog}). */
    public static String line(List<String> cells) {
        return cells.stream().map(CsvTable::quoted).collect(Collectors.joining(",")) + "\r\n";
    }

    public byte[] bytes() {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Six decimals; NaN and infinities (values never measured) as an empty cell. */
    public static String decimal(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }

    /**
     * The rows of CSV text (RFC 4180: quoted cells may hold commas, quotes doubled and line breaks;
     * CRLF or LF line ends), empty lines left out. A spreadsheet's byte order mark is ignored.
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                endRow(rows, row, cell);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                cell.append(c);
            }
        }
        endRow(rows, row, cell);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell) {
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(List.copyOf(row));
        }
        cell.setLength(0);
    }

    private static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
