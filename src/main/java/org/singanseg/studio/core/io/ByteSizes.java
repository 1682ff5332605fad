package org.singanseg.studio.core.io;

import java.util.Locale;

/** File sizes for people: small exports and files must not read "0.0 MB". */
public final class ByteSizes {
    private static final long KB = 1024;
    private static final long MB = KB * KB;

    private ByteSizes() {
    }

    /** Bytes under 1 KB, whole KB under 1 MB, else MB with one decimal (1 KB = 1024 bytes). */
    public static String describe(long bytes) {
        if (bytes < KB) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < MB) {
            return String.format(Locale.ROOT, "%d KB", Math.round(bytes / (double) KB));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
