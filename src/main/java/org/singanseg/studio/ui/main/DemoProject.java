package org.singanseg.studio.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;

/**
 * The bundled demo (a PolypGen frame and its expert mask, CC BY 4.0) as a project: made in the
 * projects folder the first time, opened from there afterwards (with the user's edits).
 */
public final class DemoProject {
    static final String FOLDER_NAME = "Demo polyp (PolypGen)";
    private static final String IMAGE = "/demo/polyp-image.jpg";
    private static final String MASK = "/demo/polyp-mask.jpg";
    /** Travels with exports made from the demo, as the licence asks. */
    public static final String CREDIT = "Source image and mask: PolypGen, frame C3_EndoCV2021_00482 (Ali S, et al. "
            + "A multi-centre polyp detection and segmentation dataset for generalisability assessment. "
            + "Scientific Data 10, 75 (2023)), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).";

    private DemoProject() {
    }

    public static Project openOrCreate(Path projectsFolder) throws IOException, InvalidInputException {
        Path folder = projectsFolder.resolve(FOLDER_NAME);
        if (Files.isRegularFile(folder.resolve(Project.DESCRIPTOR))) {
            return ProjectStore.open(folder);
        }
        Path scratch = Files.createTempDirectory("singan-demo");
        try {
            Path image = copyResource(IMAGE, scratch.resolve("polyp-image.jpg"));
            Path mask = copyResource(MASK, scratch.resolve("polyp-mask.jpg"));
            Project project = ProjectStore.create(image, folder).project();
            ProjectStore.saveMask(project, MaskFiles.read(mask));
            return ProjectStore.saveSourceCredit(project, CREDIT);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = DemoProject.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the demo file " + resource + " is missing from the app");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
