package org.singanseg.studio.core.style;

import java.nio.file.Path;

/**
 * One image to style, its mask if it has one, and where both go under the output folder.
 *
 * @param mask        the mask file, or null
 * @param outputImage the styled image's path relative to the output folder (always PNG)
 * @param outputMask  the mask copy's path relative to the output folder, or null
 */
public record StyleInput(Path image, Path mask, String outputImage, String outputMask) {
}
