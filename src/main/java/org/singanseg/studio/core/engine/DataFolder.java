package org.singanseg.studio.core.engine;

import java.nio.file.Path;

/**
 * The app's own data folder, shared by the desktop app and the command line:
 * {@code ~/.singan-seg-studio} (preferences, logs, downloaded model files). Tests point it
 * elsewhere with the system property {@code studio.home}.
 */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path path() {
        return Path.of(System.getProperty("studio.home", Path.of(System.getProperty("user.home"), ".singan-seg-studio").toString()));
    }

    /** Where pretrained networks the app uses are kept ({@code models/} in the data folder). */
    public static Path models() {
        return path().resolve("models");
    }
}
