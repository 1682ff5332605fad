package org.singanseg.studio.core.project;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A project folder: the real image (converted to 8-bit RGB PNG on import), its mask, and the
 * models, samples and exports made from them, described by {@code project.json}.
 *
 * @param sourceCredit the licence and credit line of the source image ("" when the user's own)
 */
public record Project(Path folder, String name, String sourceFileName, int width, int height, Instant created,
        String sourceCredit) {
    public static final String DESCRIPTOR = "project.json";

    public Project withSourceCredit(String credit) {
        return new Project(folder, name, sourceFileName, width, height, created, credit);
    }

    public Path descriptor() {
        return folder.resolve(DESCRIPTOR);
    }

    public Path imageFile() {
        return folder.resolve("image.png");
    }

    public Path maskFile() {
        return folder.resolve("mask.png");
    }

    public Path modelsFolder() {
        return folder.resolve("models");
    }

    /** The project's model: the finished one, or the checkpoint of a training under way or stopped. */
    public Path modelFile() {
        return modelsFolder().resolve("model.singan");
    }

    public Path samplesFolder() {
        return folder.resolve("samples");
    }

    public Path exportsFolder() {
        return folder.resolve("exports");
    }
}
