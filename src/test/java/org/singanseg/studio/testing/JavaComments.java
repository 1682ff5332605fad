package org.singanseg.studio.testing;

/**
 * Blanks out the comments of Java source text, for tests that scan sources. String, character and
 * text-block literals are kept as they are (a "//" in a URL is not a comment), and so are the
 * newlines inside comments, so line numbers stay right.
 */
public final class JavaComments {
    private static final String TEXT_BLOCK = "\"\"\"";

    private JavaComments() {
    }

    public static String strip(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int newline = source.indexOf('\n', i);
                i = newline < 0 ? source.length() : newline; // the newline itself is kept
            } else if (source.startsWith("/*", i)) {
                int end = endOf(source, "*/", i + 2);
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                int end = source.startsWith(TEXT_BLOCK, i) ? endOf(source, TEXT_BLOCK, i + TEXT_BLOCK.length())
                        : c == '"' || c == '\'' ? literalEnd(source, i)
                        : i + 1;
                out.append(source, i, end);
                i = end;
            }
        }
        return out.toString();
    }

    /** The index just past the next {@code closing} from {@code from}, or the end of the text. */
    private static int endOf(String source, String closing, int from) {
        int at = source.indexOf(closing, from);
        return at < 0 ? source.length() : at + closing.length();
    }

    /** The index just past a string or character literal that starts at {@code start}. */
    private static int literalEnd(String source, int start) {
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }
}
