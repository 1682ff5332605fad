package org.singanseg.studio.core.image;

import java.util.ArrayList;
import java.util.List;

/**
 * SinGAN's image pyramid (adjust_scales2image and creat_reals_pyramid): the image is first shrunk
 * by firstScale so its longer side is at most maxSize, then the scale factor is recomputed so that
 * the coarsest scale's shorter side is minSize. Sizes round up, as MATLAB's imresize does.
 *
 * @param firstScale  the factor from the image to the finest scale (at most 1)
 * @param scaleFactor the recomputed factor between neighbouring scales
 * @param heights     per scale, coarsest first
 * @param widths      per scale, coarsest first
 */
public record Pyramid(double firstScale, double scaleFactor, int[] heights, int[] widths) {

    public static Pyramid plan(int height, int width, int maxSize, int minSize, double initialScaleFactor) {
        int shorter = Math.min(height, width);
        int longer = Math.max(height, width);
        int numScales = ceil(Math.log((double) minSize / shorter) / Math.log(initialScaleFactor)) + 1;
        int scalesToStop = ceil(Math.log((double) Math.min(maxSize, longer) / longer) / Math.log(initialScaleFactor));
        int stopScale = numScales - scalesToStop;
        double firstScale = Math.min((double) maxSize / longer, 1.0);
        int finestHeight = ceil(height * firstScale);
        int finestWidth = ceil(width * firstScale);
        if (Math.min(finestHeight, finestWidth) < minSize) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "With a max size of %d px this %dx%d image would be %dx%d at its finest scale, below the min size "
                            + "of %d px. Use a max size of at least %d px (or a smaller min size).",
                    maxSize, width, height, finestWidth, finestHeight, minSize,
                    (int) Math.ceil((double) minSize * longer / shorter)));
        }
        double factor = stopScale == 0 ? 1.0
                : Math.pow((double) minSize / Math.min(finestHeight, finestWidth), 1.0 / stopScale);
        int[] heights = new int[stopScale + 1];
        int[] widths = new int[stopScale + 1];
        for (int i = 0; i <= stopScale; i++) {
            double scale = Math.pow(factor, stopScale - i);
            heights[i] = ceil(finestHeight * scale);
            widths[i] = ceil(finestWidth * scale);
        }
        return new Pyramid(firstScale, factor, heights, widths);
    }

    public int scales() {
        return heights.length;
    }

    public int finestHeight() {
        return heights[heights.length - 1];
    }

    public int finestWidth() {
        return widths[widths.length - 1];
    }

    /**
     * The image resized to every scale, coarsest first: as the reference, the finest scale from the
     * image, every other scale from the finest by its power of the scale factor.
     */
    public List<Planes> build(Planes image) {
        Planes finest = Resize.byFactor(image, firstScale, finestHeight(), finestWidth());
        List<Planes> levels = new ArrayList<>();
        int last = scales() - 1;
        for (int i = 0; i < last; i++) {
            levels.add(Resize.byFactor(finest, Math.pow(scaleFactor, last - i), heights[i], widths[i]));
        }
        levels.add(finest);
        return levels;
    }

    /** Ceiling that ignores floating-point dust (200.00000001 is 200). */
    private static int ceil(double value) {
        return (int) Math.ceil(value - 1e-9);
    }
}
