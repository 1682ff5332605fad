package org.singanseg.studio.core.eval;

import java.nio.file.Path;

/**
 * A synthetic image/mask pair of a train-batch output folder, with the real image it was made
 * from as the folder's {@code manifest.csv} gives it.
 *
 * @param sourceImage  the real image's file name (train-batch's {@code source_image})
 * @param sourceSha256 the SHA-256 of the real image's bytes ({@code source_sha256})
 * @param maskCoverage the share of the image its mask covers ({@code mask_coverage})
 */
public record SyntheticPair(Path image, Path mask, String sourceImage, String sourceSha256, double maskCoverage) {
}
