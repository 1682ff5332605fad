package org.singanseg.studio.core.samples;

import java.time.Instant;

/**
 * One synthetic pair in a project's gallery: how it was made (model, seed, index, start scale,
 * size factors, style), what it contains (size, mask coverage and regions, patch distance to the
 * real image) and the user's review.
 *
 * @param name          file base name, unique in the catalog ({@code images/NAME.png}, {@code masks/NAME.png})
 * @param maskCoverage  fraction of the pixels inside the mask, 0..1
 * @param patchDistance sliced Wasserstein distance of patch statistics to the real image; NaN when unknown
 * @param style         style-transfer settings, or "none"
 */
public record SampleRecord(String name, String model, long seed, long index, int startScale, double scaleH,
        double scaleV, int width, int height, double maskCoverage, int maskRegions, double patchDistance,
        String style, Review review, Instant created) {

    public static final String NO_STYLE = "none";

    public SampleRecord withReview(Review newReview) {
        return new SampleRecord(name, model, seed, index, startScale, scaleH, scaleV, width, height, maskCoverage,
                maskRegions, patchDistance, style, newReview, created);
    }

    /** The file name of its image and of its mask (in images/ and masks/). */
    public String fileName() {
        return name + ".png";
    }
}
