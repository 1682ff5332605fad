package org.singanseg.studio.core.io;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File names and arguments that the system's character set cannot carry. Java takes both from the
 * locale it starts in; under LANG=C (ASCII, as in many containers and cron jobs) a name such as
 * {@code ünïcode} reaches it as {@code ??n??code} and cannot be used, and Java cannot change that
 * once started. So the words say what to set rather than fail on a mangled name.
 */
public final class FileNameEncoding {
    /** What Java puts where a byte could not be decoded. */
    private static final char REPLACEMENT = '\uFFFD';
    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LANG");

    private FileNameEncoding() {
    }

    /** The character set Java names files and reads arguments in. */
    public static Charset system() {
        return Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
    }

    /** The advice for the first argument this character set mangled, if any. */
    public static Optional<String> mangledArgument(String[] args, Charset charset, Map<String, String> environment) {
        CharsetEncoder encoder = charset.newEncoder();
        for (String arg : args) {
            if (arg.indexOf(REPLACEMENT) >= 0 || !encoder.canEncode(arg)) {
                return Optional.of(advice("The argument '" + arg + "'", charset, environment));
            }
        }
        return Optional.empty();
    }

    /** Why the name cannot be used, and what to set: a UTF-8 locale. */
    public static String advice(String what, Charset charset, Map<String, String> environment) {
        return what + " holds characters that this system's character set (" + charset.name() + ", from "
                + locale(environment) + ") cannot carry, so the file cannot be found or made. Start the app with a "
                + "UTF-8 locale, for example LC_ALL=C.UTF-8 (export LC_ALL=C.UTF-8, or put it before the command), "
                + "or use names of ASCII letters only.";
    }

    /** The variable the C library takes the character set from, as set now: LC_ALL, LC_CTYPE, then LANG. */
    private static String locale(Map<String, String> environment) {
        for (String variable : LOCALE_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return variable + "=" + value;
            }
        }
        return "no locale set";
    }
}
