package org.singanseg.studio.core.samples;

import java.nio.file.Path;

import org.singanseg.studio.core.compare.PatchDistance;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.project.Project;

/**
 * How pairs are stored in a project's gallery, for the app's Generate (and Style…) and for
 * {@code generate --project}: each pair is compared with the project's real image at the model's
 * size, and recorded under the model file's name.
 */
public final class ProjectGallery {
    private ProjectGallery() {
    }

    /** The real image at the model's finest size: what samples are compared with and styled from. */
    public static Planes realAtModelSize(Project project, SinGanModel model) throws InvalidInputException {
        var finest = model.scales().get(model.scales().size() - 1);
        return Resize.bicubic(TrainingPair.toRgb(ImageFiles.read(project.imageFile())), finest.height(), finest.width());
    }

    /** A writer into the catalog that records each pair's patch distance to {@code real}. */
    public static SampleWriter writer(SampleCatalog catalog, Path modelFile, Planes real) {
        PatchDistance distance = new PatchDistance(real);
        return new SampleWriter(catalog, modelFile.getFileName().toString(), distance::to);
    }
}
