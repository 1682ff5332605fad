package org.singanseg.studio.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled demo pair (PolypGen, CC BY 4.0), found from the working folder or the app folder. */
final class DemoPair {
    private DemoPair() {
    }

    static Path image() {
        return find("polyp-image.jpg");
    }

    static Path mask() {
        return find("polyp-mask.jpg");
    }

    private static Path find(String name) {
        for (Path root : new Path[]{Path.of("assets", "demo"), Path.of(System.getProperty("app.dir", "."), "assets", "demo")}) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalArgumentException("The demo pair (assets/demo/" + name + ") was not found. "
                + "Run from the project folder, or give --image and --mask.");
    }
}
