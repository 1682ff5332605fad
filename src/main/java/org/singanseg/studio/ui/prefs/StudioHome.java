package org.singanseg.studio.ui.prefs;

import java.nio.file.Path;

import org.singanseg.studio.core.engine.DataFolder;

/**
 * Where the desktop app keeps its own files: preferences and logs in the {@link DataFolder}
 * ({@code ~/.singan-seg-studio}), new projects under {@code ~/SinGAN-Seg Studio}. Tests point both
 * elsewhere with the system properties {@code studio.home} and {@code studio.projects}.
 */
public final class StudioHome {
    private StudioHome() {
    }

    public static Path folder() {
        return DataFolder.path();
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
