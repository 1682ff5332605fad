package org.singanseg.studio.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;

/**
 * A CSV file that grows a row at a time, in {@link CsvTable}'s format: each row is appended and
 * handed to the system at once, so that a run killed (kill -9, Ctrl+C) or stopped by a full disk
 * leaves every finished row listed. A last row cut short (no line end) is dropped when the file is
 * opened again, as are the rows the caller no longer wants; the rest is kept for it to go on from.
 */
public final class CsvLog implements Closeable {
    private final Path file;
    private final List<String> header;
    private final List<List<String>> rows;
    private OutputStream out;

    private CsvLog(Path file, List<String> header, List<List<String>> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** The file's complete rows as they are; nothing is written until {@link #start}. */
    public static CsvLog open(Path file, List<String> columns) throws IOException {
        if (!Files.exists(file)) {
            return new CsvLog(file, columns, List.of());
        }
        List<List<String>> all = CsvTable.parse(completeRows(Files.readString(file, StandardCharsets.UTF_8)));
        if (all.isEmpty()) {
            return new CsvLog(file, columns, List.of());
        }
        return new CsvLog(file, all.get(0), List.copyOf(all.subList(1, all.size())));
    }

    /** The text up to the last line end outside quotes: a row cut short has none. */
    static String completeRows(String text) {
        boolean quoted = false;
        int end = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                end = i + 1;
            }
        }
        return text.substring(0, end);
    }

    /** The header the file has (or will have, when new). */
    public List<String> header() {
        return header;
    }

    /** The complete rows found, header left out. */
    public List<List<String>> rows() {
        return rows;
    }

    /** Rewrites the file (atomically) with the header and the rows kept, then opens it for {@link #append}. */
    public void start(Predicate<List<String>> keep) throws IOException {
        CsvTable kept = new CsvTable(header);
        rows.stream().filter(keep).forEach(kept::row);
        byte[] bytes = kept.bytes();
        AtomicFiles.write(file, o -> o.write(bytes));
        out = Files.newOutputStream(file, StandardOpenOption.APPEND);
    }

    /** Appends one row and hands it to the system before returning. */
    public void append(List<String> row) throws IOException {
        out.write(CsvTable.line(row).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
