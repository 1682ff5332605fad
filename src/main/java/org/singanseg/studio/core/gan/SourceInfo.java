package org.singanseg.studio.core.gan;

import java.io.IOException;
import java.nio.file.Path;

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

    /** True when a checkpoint of {@code other} may be continued with this source: same image and mask bytes. */
    public boolean sameFilesAs(SourceInfo other) {
        return other != null && imageSha256.equals(other.imageSha256) && java.util.Objects.equals(maskSha256, other.maskSha256);
    }
}
