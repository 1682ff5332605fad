package org.singanseg.studio.core.batch;

import java.nio.file.Path;

/**
 * One real image and its mask, found by {@link BatchInputs}.
 *
 * @param name the image's base name; names the pair's outputs ({@code models/NAME.singan}, {@code images/NAME_0001.png})
 */
public record BatchPair(String name, Path image, Path mask) {
}
