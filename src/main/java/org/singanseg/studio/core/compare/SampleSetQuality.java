package org.singanseg.studio.core.compare;

import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.Planes;

/**
 * How a set of synthetic pairs from one model compares with its real image: closeness (patch
 * distance), variety (diversity) and how many masks are empty or nearly so. Used to compare
 * presets on one frame.
 *
 * @param patchDistanceMean mean {@link PatchDistance} of the samples to the real image
 * @param patchDistanceSd   its standard deviation over the samples
 * @param diversity         SinGAN's diversity: the per-pixel standard deviation across samples,
 *                          averaged over pixels and channels, divided by the real image's standard
 *                          deviation (0: all samples alike; about 1: as varied as independent images)
 * @param emptyMasks        samples whose mask has no pixel
 * @param nearlyEmptyMasks  samples whose mask covers less than {@link #NEARLY_EMPTY} of the image (the empty ones included)
 * @param samples           how many samples were measured
 */
public record SampleSetQuality(double patchDistanceMean, double patchDistanceSd, double diversity, int emptyMasks,
                               int nearlyEmptyMasks, int samples) {

    /** Masks below this coverage teach a segmentation model little but "no polyp here". */
    public static final double NEARLY_EMPTY = 0.01;

    /** @param realRgb the real image at the samples' size, RGB in [0, 1] */
    public static SampleSetQuality of(Planes realRgb, List<Planes> sampleRgb, List<boolean[]> sampleMasks) {
        if (sampleRgb.size() < 2 || sampleRgb.size() != sampleMasks.size()) {
            throw new IllegalArgumentException("Need at least 2 samples, each with its mask.");
        }
        PatchDistance distance = new PatchDistance(realRgb);
        double sum = 0;
        double squares = 0;
        for (Planes sample : sampleRgb) {
            double d = distance.to(sample);
            sum += d;
            squares += d * d;
        }
        int n = sampleRgb.size();
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, squares / n - mean * mean) * n / (n - 1));
        int empty = 0;
        int nearlyEmpty = 0;
        for (boolean[] mask : sampleMasks) {
            double coverage = Masks.coverage(mask);
            empty += coverage == 0 ? 1 : 0;
            nearlyEmpty += coverage < NEARLY_EMPTY ? 1 : 0;
        }
        return new SampleSetQuality(mean, sd, diversity(realRgb, sampleRgb), empty, nearlyEmpty, n);
    }

    private static double diversity(Planes real, List<Planes> samples) {
        int n = samples.size();
        double spread = 0;
        double realSpread = 0;
        for (int c = 0; c < real.channels(); c++) {
            float[] realPlane = real.plane(c);
            int pixels = realPlane.length;
            for (int i = 0; i < pixels; i++) {
                double s = 0;
                double s2 = 0;
                for (Planes sample : samples) {
                    double v = sample.plane(c)[i];
                    s += v;
                    s2 += v * v;
                }
                double mean = s / n;
                spread += Math.sqrt(Math.max(0, s2 / n - mean * mean) * n / (n - 1));
            }
            realSpread += standardDeviation(realPlane) * pixels;
        }
        return spread / realSpread;
    }

    private static double standardDeviation(float[] values) {
        double s = 0;
        double s2 = 0;
        for (float v : values) {
            s += v;
            s2 += (double) v * v;
        }
        double mean = s / values.length;
        return Math.sqrt(Math.max(0, s2 / values.length - mean * mean));
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d samples: patch distance %.1f +- %.1f, diversity %.2f, "
                        + "empty masks %d, masks under %.0f%% %d", samples, patchDistanceMean, patchDistanceSd,
                diversity, emptyMasks, NEARLY_EMPTY * 100, nearlyEmptyMasks);
    }
}
