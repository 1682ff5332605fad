package org.singanseg.studio.core.gan;

/** What a model was trained on: names, SHA-256 of the files, size and mask coverage. */
public record SourceInfo(String imageName, String imageSha256, String maskSha256, int width, int height,
                         double maskCoverage) {
}
