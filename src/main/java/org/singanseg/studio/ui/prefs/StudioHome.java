package org.singanseg.studio.ui.prefs;

import java.nio.file.Path;

/**
 * Where the desktop app keeps its own files: preferences and logs under {@code ~/.singan-seg-studio},
 * new projects under {@code ~/SinGAN-Seg Studio}. Tests point both elsewhere with the system
 * properties {@code studio.home} and {@code studio.projects}.
 */
public final class StudioHome {
    private StudioHome() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("studio.home", Path.of(System.getProperty("user.home"), ".singan-seg-studio").toString()));
    }

    public static Path logFolder() {
        return folder().resolve("logs");
    }

    public static Path preferencesFile() {
        return folder().resolve("preferences.json");
    }

    public static Path projectsFolder() {
        return Path.of(System.getProperty("studio.projects", Path.of(System.getProperty("user.home"), "SinGAN-Seg Studio").toString()));
    }
}
