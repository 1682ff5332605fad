package org.singanseg.studio.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioPreferencesTest {

    @Test
    void settingsSurviveARestart(@TempDir Path dir) throws Exception {
        StudioPreferences preferences = new StudioPreferences();
        preferences.setBrushSize(37);
        preferences.setOverlayColor("#ff0000");
        preferences.setOverlayOpacity(0.7);
        preferences.setOutlineMode(true);
        preferences.setWindow(1000, 700, false);
        preferences.setLastMaskFolder(dir);
        for (int i = 0; i < 12; i++) {
            preferences.addRecentProject(dir.resolve("p" + i));
        }
        preferences.addRecentProject(dir.resolve("p5"));
        Path file = dir.resolve("preferences.json");
        preferences.save(file);

        StudioPreferences loaded = StudioPreferences.load(file);
        assertEquals(37, loaded.brushSize());
        assertEquals("#ff0000", loaded.overlayColor());
        assertEquals(0.7, loaded.overlayOpacity());
        assertEquals(true, loaded.outlineMode());
        assertEquals(1000, loaded.windowWidth());
        assertEquals(dir, loaded.lastMaskFolder());
        assertEquals(StudioPreferences.MAX_RECENT, loaded.recentProjects().size());
        assertEquals(dir.resolve("p5"), loaded.recentProjects().get(0));
        assertEquals(dir.resolve("p11"), loaded.recentProjects().get(1));
    }

    @Test
    void aDamagedFileGivesDefaultsAndVanishedFoldersAreForgotten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{ not json");
        StudioPreferences loaded = StudioPreferences.load(file);
        assertEquals(24, loaded.brushSize());
        loaded.setLastImageFolder(dir.resolve("gone"));
        assertNull(loaded.lastImageFolder());
    }
}
