package org.singanseg.studio.core.io;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Paths made from names that files give (a catalog's sample names, a project's name, the rows of a
 * manifest, the entries of a zip), confined to their folder. Such files may come from someone
 * else, and a name such as {@code ../../x} would otherwise read or write outside the project or
 * the dataset; every such name goes through here, so that none is forgotten.
 *
 * <p>A plain name is one file name: not empty, not {@code .} or {@code ..}, without a folder
 * separator of any system ({@code /} or {@code \}) or a NUL. A relative path is plain names
 * joined by {@code /}, as manifests and zip entries write them.
 */
public final class ConfinedPaths {
    private ConfinedPaths() {
    }

    public static boolean isPlainName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || c == 0);
    }

    public static boolean isConfined(String relative) {
        return relative != null && Arrays.stream(relative.split("/", -1)).allMatch(ConfinedPaths::isPlainName);
    }

    /** {@code folder/name} for a plain name. */
    public static Path file(Path folder, String name) {
        if (!isPlainName(name)) {
            throw new UnsafePathException("The name '" + name + "' is not a plain file name: it could lead outside "
                    + folder + ". Names must not hold '/', '\\' or be '..'.");
        }
        return inside(folder, name);
    }

    /** {@code folder/relative} for a relative path of plain names ({@code images/syn_00001.png}). */
    public static Path under(Path folder, String relative) {
        return inside(folder, relative(relative));
    }

    /** The relative path itself, once checked (for a zip entry, which has no folder to resolve against). */
    public static String relative(String relative) {
        if (!isConfined(relative)) {
            throw new UnsafePathException("The path '" + relative + "' could lead outside its folder. Paths must be "
                    + "file names joined by '/', without '..', '\\' or a leading '/'.");
        }
        return relative;
    }

    /** The characters are checked already; this catches what a system makes of them (a drive letter on Windows). */
    private static Path inside(Path folder, String checked) {
        Path root = folder.toAbsolutePath().normalize();
        Path resolved = folder.resolve(checked);
        Path normal = resolved.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new UnsafePathException("'" + checked + "' leads outside " + folder + ".");
        }
        return resolved;
    }
}
