package org.singanseg.studio.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.TrainingPair;

import picocli.CommandLine.Option;

/** The real image and its mask (or an RGBA image whose alpha is the mask). */
final class PairOptions {
    @Option(names = "--image", description = "The real image (JPEG, PNG, BMP, TIFF).")
    Path image;

    @Option(names = "--mask", description = "Its polyp mask (white = polyp). Omit for an RGBA PNG whose alpha is the mask.")
    Path mask;

    TrainingPair load() throws InvalidInputException {
        return TrainingPair.load(image, mask);
    }

    SourceInfo source(TrainingPair pair) throws IOException {
        return SourceInfo.of(image, mask, pair);
    }
}
