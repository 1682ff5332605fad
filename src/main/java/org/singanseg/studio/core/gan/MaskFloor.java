package org.singanseg.studio.core.gan;

import java.util.Locale;

/**
 * Draws a sample again, with fresh noise, while its mask covers less than a floor share of the
 * image: a polyp-like synthetic image whose mask is (nearly) empty teaches a segmentation model to
 * miss polyps. For a model of a polyp smaller than twice the floor, the floor is half the real
 * mask's share instead ({@link #coverageFor}): a faithful sample of a polyp that covers 0.7% of its
 * image would never reach a 1% floor. Draw {@code d} of sample {@code i} uses noise index
 * {@code i + d * 2^32}, so every pair stays repeatable on its own and draw 0 is the plain sample.
 * A model whose random layouts rarely hold the polyp (a small one vanishes at the coarsest scale)
 * gets its last {@link #DRAWS_PER_SCALE} draws one start scale higher, where the real layout keeps
 * it; after {@link #MAX_DRAWS} draws the one with the largest mask is kept.
 *
 * @param minCoverage the floor, a share of the image from 0 (every first draw is kept) to 1
 */
public record MaskFloor(double minCoverage) {
    public static final int DRAWS_PER_SCALE = 5;
    public static final int MAX_DRAWS = 2 * DRAWS_PER_SCALE;
    /** The floor is at most this share of the real mask's coverage. */
    public static final double SHARE_OF_REAL = 0.5;
    public static final MaskFloor NONE = new MaskFloor(0);
    /** The floor of train-batch and generate unless asked otherwise: 1% of the image, as evaluate leaves out. */
    public static final MaskFloor DEFAULT = new MaskFloor(0.01);
    private static final long DRAW_STRIDE = 1L << 32;

    public MaskFloor {
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The smallest mask area must be from 0%% to 100%% of the image, got %s%%.", 100 * minCoverage));
        }
    }

    /**
     * A sample, which draw it is (0 = the first) and the start scale it was drawn at;
     * {@code belowFloor} when no draw reached the floor.
     */
    public record Drawn(SamplePair pair, int draw, int startScale, boolean belowFloor) {
    }

    /** Sample {@code index} of a run, as {@link Sampler#sample} takes it, drawn again until its mask reaches the floor. */
    public Drawn draw(Sampler sampler, long seed, long index, int startScale, double hScale, double wScale) {
        double floor = coverageFor(sampler.realMaskCoverage());
        Drawn largest = null;
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            int scale = startScale(startScale, draw, sampler.scales());
            SamplePair pair = SamplePair.fromOutput(sampler.sample(seed, noiseIndex(index, draw), scale, hScale, wScale));
            if (pair.maskCoverage() >= floor) {
                return new Drawn(pair, draw, scale, false);
            }
            if (largest == null || pair.maskCoverage() > largest.pair().maskCoverage()) {
                largest = new Drawn(pair, draw, scale, true);
            }
        }
        return largest;
    }

    /**
     * The share of the image a sample's mask must cover, for a model whose real mask covers
     * {@code realCoverage} of its image (NaN where that is not known: the floor itself).
     */
    public double coverageFor(double realCoverage) {
        return Double.isNaN(realCoverage) ? minCoverage : Math.min(minCoverage, SHARE_OF_REAL * realCoverage);
    }

    /** The start scale of draw {@code draw}: the one asked, one higher for the last draws where the model has it. */
    public static int startScale(int asked, int draw, int scales) {
        return Math.min(asked + draw / DRAWS_PER_SCALE, Math.max(asked, scales - 1));
    }

    /** The index {@link Sampler#sample} takes for draw {@code draw} of sample {@code index}: it alone repeats the pair. */
    public static long noiseIndex(long index, int draw) {
        return index + draw * DRAW_STRIDE;
    }

    /** For people: "19" for a first draw, "19, draw 2" for the third draw of pair 19. */
    public static String describeNoiseIndex(long noiseIndex) {
        long index = noiseIndex % DRAW_STRIDE;
        long draw = noiseIndex / DRAW_STRIDE;
        return draw == 0 ? Long.toString(index) : index + ", draw " + draw;
    }

    /** The floor as a percentage, for messages and listings. */
    public String percent() {
        return String.format(Locale.ROOT, "%.2f%%", 100 * minCoverage);
    }
}
