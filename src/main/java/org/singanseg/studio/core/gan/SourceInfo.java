package org.singanseg.studio.core.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.TrainingPair;

/** What a model was trained on: names, SHA-256 of the files, size and mask coverage. */
public record SourceInfo(String imageName, String imageSha256, String maskSha256, int width, int height,
                         double maskCoverage) {

    /** @param mask the mask file, or null when the image's alpha was the mask */
    public static SourceInfo of(Path image, Path mask, TrainingPair pair) throws IOException {
        return new SourceInfo(image.getFileName().toString(), FileHash.sha256(image),
                mask == null ? null : FileHash.sha256(mask), pair.width(), pair.height(), pair.coverage());
    }

    /**
     * Whether the image file with this SHA-256 is the one the model was made from: with
     * {@link #sameMask}, the one test of "is this model for these files" (resuming, stale warnings).
     */
    public boolean sameImage(String sha256) {
        return Objects.equals(imageSha256, sha256);
    }

    /** Whether the mask file with this SHA-256 (null: the image's alpha) is the one the model was made from. */
    public boolean sameMask(String sha256) {
        return Objects.equals(maskSha256, sha256);
    }
}
