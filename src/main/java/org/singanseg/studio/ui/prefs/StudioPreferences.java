package org.singanseg.studio.ui.prefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Settings that survive a restart: last folders, recent projects, brush and overlay, window
 * geometry. Stored as JSON, written atomically; a damaged file is logged and replaced by defaults.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StudioPreferences {
    private static final Logger LOG = LoggerFactory.getLogger(StudioPreferences.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_RECENT = 10;

    private String lastImageFolder;
    private String lastMaskFolder;
    private String lastProjectFolder;
    private List<String> recentProjects = new ArrayList<>();
    private double brushSize = 24;
    private String overlayColor = "#00e676";
    private double overlayOpacity = 0.45;
    private boolean outlineMode;
    private double windowWidth = 1280;
    private double windowHeight = 820;
    private boolean windowMaximized;

    public static StudioPreferences load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new StudioPreferences();
        }
        try {
            return JSON.readValue(file.toFile(), StudioPreferences.class);
        } catch (IOException e) {
            LOG.warn("Preferences {} unreadable, using defaults: {}", file, e.getMessage());
            return new StudioPreferences();
        }
    }

    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, this));
    }

    /** Puts a project first in the recent list (no duplicates, at most {@value #MAX_RECENT}). */
    public void addRecentProject(Path folder) {
        String path = folder.toAbsolutePath().normalize().toString();
        recentProjects.remove(path);
        recentProjects.add(0, path);
        while (recentProjects.size() > MAX_RECENT) {
            recentProjects.remove(recentProjects.size() - 1);
        }
    }

    public void removeRecentProject(Path folder) {
        recentProjects.remove(folder.toAbsolutePath().normalize().toString());
    }

    public List<Path> recentProjects() {
        return recentProjects.stream().map(Path::of).toList();
    }

    public Path lastImageFolder() {
        return existingFolder(lastImageFolder);
    }

    public void setLastImageFolder(Path folder) {
        lastImageFolder = folder.toString();
    }

    public Path lastMaskFolder() {
        return existingFolder(lastMaskFolder);
    }

    public void setLastMaskFolder(Path folder) {
        lastMaskFolder = folder.toString();
    }

    public Path lastProjectFolder() {
        return existingFolder(lastProjectFolder);
    }

    public void setLastProjectFolder(Path folder) {
        lastProjectFolder = folder.toString();
    }

    public double brushSize() {
        return brushSize;
    }

    public void setBrushSize(double size) {
        brushSize = size;
    }

    public String overlayColor() {
        return overlayColor;
    }

    public void setOverlayColor(String webColour) {
        overlayColor = webColour;
    }

    public double overlayOpacity() {
        return overlayOpacity;
    }

    public void setOverlayOpacity(double opacity) {
        overlayOpacity = opacity;
    }

    public boolean outlineMode() {
        return outlineMode;
    }

    public void setOutlineMode(boolean outline) {
        outlineMode = outline;
    }

    public double windowWidth() {
        return windowWidth;
    }

    public double windowHeight() {
        return windowHeight;
    }

    public boolean windowMaximized() {
        return windowMaximized;
    }

    public void setWindow(double width, double height, boolean maximized) {
        windowMaximized = maximized;
        if (!maximized) {
            windowWidth = width;
            windowHeight = height;
        }
    }

    /** A remembered folder that still exists, else null (file dialogs then start in their default). */
    private static Path existingFolder(String folder) {
        if (folder == null) {
            return null;
        }
        Path path = Path.of(folder);
        return Files.isDirectory(path) ? path : null;
    }
}
