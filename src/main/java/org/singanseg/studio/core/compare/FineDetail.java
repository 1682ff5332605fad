package org.singanseg.studio.core.compare;

import java.util.List;

import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;

/**
 * How much fine detail synthetic images carry at one display size, beside the real image at that
 * size: the root mean square of the finest band of their Laplacian pyramids (what is left after a
 * 5-tap blur, so edges, highlights and texture), the samples' mean over the real image's. Samples
 * made smaller than the display size are enlarged to it first, as a viewer or a segmentation
 * model's resizing would, so a small preset's samples score low however sharp they are at their own
 * size: the figure compares presets at the size a user wants, which patch distance at each
 * preset's own size cannot.
 */
public final class FineDetail {
    private FineDetail() {
    }

    /**
     * @param real        the real image, RGB, at any size
     * @param samples     synthetic images of one model, RGB, all of one size
     * @param longerSide  the display size: the longer side every image is resized to
     * @return the samples' mean fine detail over the real image's (1: as detailed; 0: flat)
     */
    public static double relative(Planes real, List<Planes> samples, int longerSide) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Need at least one sample.");
        }
        double realDetail = of(atLongerSide(real, longerSide));
        if (realDetail == 0) {
            throw new IllegalArgumentException("The real image is flat: it has no detail to compare with.");
        }
        double sum = 0;
        for (Planes sample : samples) {
            sum += of(atLongerSide(sample, longerSide));
        }
        return sum / samples.size() / realDetail;
    }

    /** Root mean square of the finest Laplacian band over all channels and pixels. */
    static double of(Planes image) {
        Planes band = LaplacianPyramid.build(image, 2).get(0);
        double squares = 0;
        long count = 0;
        for (int c = 0; c < band.channels(); c++) {
            for (float v : band.plane(c)) {
                squares += (double) v * v;
            }
            count += band.plane(c).length;
        }
        return Math.sqrt(squares / count);
    }

    private static Planes atLongerSide(Planes image, int longerSide) {
        double factor = (double) longerSide / Math.max(image.height(), image.width());
        return Resize.bicubic(image, (int) Math.round(image.height() * factor),
                (int) Math.round(image.width() * factor));
    }
}
