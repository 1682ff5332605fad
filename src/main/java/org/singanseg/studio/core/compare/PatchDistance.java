package org.singanseg.studio.core.compare;

import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.image.Planes;

/**
 * How far a synthetic RGB image's patch statistics are from the real image's, without pretrained
 * weights: the sliced Wasserstein distance (SWD) of 7x7 RGB patches over a Laplacian pyramid, after
 * Karras et al. 2018 ("Progressive Growing of GANs"). Lower is closer; an identical image scores 0.
 *
 * <p>Per level (up to 4, finest first; the real image's size sets how many, each level's short side
 * at least 16 px): up to 2048 patches, every channel normalised by the real level's mean and
 * standard deviation, projected on 64 fixed random unit directions; per direction the distance is the
 * mean absolute difference of the sorted projections (the 1-D Wasserstein-1 distance). A level's
 * value is the mean over directions, the score the mean over levels, times {@link #SCALE}.
 *
 * <p>A synthetic image of another size is not resized: SinGAN draws wider or taller samples at the
 * same pixel scale, and resizing would change the very patch statistics being compared. Its patches
 * are sampled on its own grid (positions seeded per level, so the same size gives the same positions)
 * and the two sets of sorted projections are compared as quantiles, the shorter interpolated linearly
 * to the longer's length. It gets the real image's number of levels, so its coarsest level must still
 * hold a 7x7 patch. The real image's projections are computed once, so scoring many samples
 * against one real image is cheap; the object is immutable and safe to share between threads.
 */
public final class PatchDistance {
    /**
     * Raw values are in units of the real image's per-channel standard deviation, about 0.05 to 1 for
     * noised copies and other frames; times 100 they read as about 5 to 100 (Karras reports times 1e3).
     */
    public static final double SCALE = 1e2;
    /** Floor of the per-channel standard deviation (a tenth of an 8-bit step), for flat real images. */
    private static final float MIN_STD = 1f / 2550;

    private final int levels;
    private final float[][] mean;
    private final float[][] std;
    private final float[][][] real;

    public PatchDistance(Planes realRgb) {
        requireRgb(realRgb);
        if (Math.min(realRgb.height(), realRgb.width()) < PatchProjections.PATCH) {
            throw new IllegalArgumentException("The real image is smaller than a "
                    + PatchProjections.PATCH + "x" + PatchProjections.PATCH + " patch.");
        }
        levels = LaplacianPyramid.levelsFor(realRgb.height(), realRgb.width());
        List<Planes> pyramid = LaplacianPyramid.build(realRgb, levels);
        mean = new float[levels][3];
        std = new float[levels][3];
        real = new float[levels][][];
        for (int l = 0; l < levels; l++) {
            for (int c = 0; c < 3; c++) {
                double[] moments = moments(pyramid.get(l).plane(c));
                mean[l][c] = (float) moments[0];
                std[l][c] = Math.max((float) moments[1], MIN_STD);
            }
            real[l] = PatchProjections.sorted(pyramid.get(l), l, mean[l], std[l]);
        }
    }

    /** Pyramid levels compared, finest first. */
    public int levels() {
        return levels;
    }

    /** The distance: the mean of {@link #perLevel}. */
    public double to(Planes syntheticRgb) {
        double sum = 0;
        for (double value : perLevel(syntheticRgb)) {
            sum += value;
        }
        return sum / levels;
    }

    /** The distance at each pyramid level, finest (band-pass) first, coarsest (low-pass) last. */
    public double[] perLevel(Planes syntheticRgb) {
        requireRgb(syntheticRgb);
        int shortSide = Math.min(syntheticRgb.height(), syntheticRgb.width());
        for (int l = 1; l < levels; l++) {
            shortSide = LaplacianPyramid.half(shortSide);
        }
        if (shortSide < PatchProjections.PATCH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A %dx%d image is too small to compare over %d pyramid levels.",
                    syntheticRgb.width(), syntheticRgb.height(), levels));
        }
        List<Planes> pyramid = LaplacianPyramid.build(syntheticRgb, levels);
        double[] values = new double[levels];
        for (int l = 0; l < levels; l++) {
            float[][] synthetic = PatchProjections.sorted(pyramid.get(l), l, mean[l], std[l]);
            double sum = 0;
            for (int d = 0; d < synthetic.length; d++) {
                sum += wasserstein(real[l][d], synthetic[d]);
            }
            values[l] = SCALE * sum / synthetic.length;
        }
        return values;
    }

    /** Mean absolute difference of two sorted samples, matched by quantile when their sizes differ. */
    private static double wasserstein(float[] a, float[] b) {
        float[] longer = a.length >= b.length ? a : b;
        float[] shorter = longer == a ? b : a;
        int n = longer.length;
        double step = n == 1 ? 0 : (shorter.length - 1) / (double) (n - 1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double position = Math.min(i * step, shorter.length - 1);
            int j = Math.min((int) position, shorter.length - 1);
            double fraction = position - j;
            double value = fraction == 0 ? shorter[j] : shorter[j] + fraction * (shorter[j + 1] - shorter[j]);
            sum += Math.abs(longer[i] - value);
        }
        return sum / n;
    }

    /** Mean and (population) standard deviation. */
    private static double[] moments(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[]{mean, Math.sqrt(squares / values.length)};
    }

    private static void requireRgb(Planes image) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException("Expected an RGB image (3 channels), got " + image.channels() + ".");
        }
    }
}
