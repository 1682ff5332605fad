package org.singanseg.studio.ui.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.project.Project;

/**
 * Whether a model was trained on the project's image and mask as they are now (the model records
 * the SHA-256 of both files), and if not, what changed, in words for the Train and Gallery steps:
 * samples of a model trained on an older mask follow that mask, whatever the Mask step shows.
 *
 * @param trainedCoverage the share of the image the mask covered in training, NaN when not recorded
 * @param currentCoverage the share the project's mask covers now
 */
public record ModelFreshness(boolean imageChanged, boolean maskChanged, double trainedCoverage, double currentCoverage) {

    /** Compares the files the model records with the project's; reads them, so not on the UI thread. */
    public static ModelFreshness of(SourceInfo trained, Project project) throws IOException, InvalidInputException {
        if (trained == null) {
            return new ModelFreshness(true, true, Double.NaN, coverage(project.maskFile()));
        }
        boolean image = !trained.sameImage(hash(project.imageFile()));
        boolean mask = !trained.sameMask(hash(project.maskFile()));
        return new ModelFreshness(image, mask, trained.maskCoverage(),
                mask ? coverage(project.maskFile()) : trained.maskCoverage());
    }

    /** The model no longer matches the project: its samples do not show what the project shows. */
    public boolean stale() {
        return imageChanged || maskChanged;
    }

    /** What the user should know and do; empty when the model is current. */
    public String warning() {
        if (!stale()) {
            return "";
        }
        String what = imageChanged && maskChanged ? "image and mask" : imageChanged ? "image" : "mask";
        return "Trained on an older " + what + maskFigures() + ": its samples follow the old " + what
                + ", not the current one. Retrain to use the current " + what + ".";
    }

    /** The polyp's area then and now, or that only its outline changed. */
    private String maskFigures() {
        if (!maskChanged || Double.isNaN(trainedCoverage)) {
            return "";
        }
        String then = String.format(Locale.ROOT, "%.1f%%", trainedCoverage * 100);
        String now = String.format(Locale.ROOT, "%.1f%%", currentCoverage * 100);
        return then.equals(now) ? " (the polyp covers " + now + " of the image either way, but its outline moved)"
                : " (the polyp covered " + then + " of the image then, " + now + " now)";
    }

    private static String hash(Path file) throws IOException {
        return Files.isRegularFile(file) ? FileHash.sha256(file) : null;
    }

    private static double coverage(Path maskFile) throws InvalidInputException {
        if (!Files.isRegularFile(maskFile)) {
            return 0;
        }
        MaskRaster mask = MaskFiles.read(maskFile);
        return (double) mask.countInside() / ((long) mask.width() * mask.height());
    }
}
