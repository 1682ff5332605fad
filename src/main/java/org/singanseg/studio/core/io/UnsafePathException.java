package org.singanseg.studio.core.io;

/**
 * A name read from a file that would lead outside its folder (see {@link ConfinedPaths}). Its
 * message names it; callers that know which file it came from say so. An IllegalArgumentException,
 * so the app and the command line show it as the user error it is.
 */
public final class UnsafePathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsafePathException(String message) {
        super(message);
    }
}
