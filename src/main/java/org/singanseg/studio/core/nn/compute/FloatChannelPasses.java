package org.singanseg.studio.core.nn.compute;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float32 {@link ChannelPasses} that training runs, written so that HotSpot compiles their
 * inner loops to SIMD code. JDK 17's auto-vectoriser only takes loops whose arrays all share one
 * index, with neither branches nor Math.max in them. So every pass copies a tile of whole pixels
 * from the native array into small Java arrays (a bulk copy), with the per-channel coefficients
 * repeated to the tile's length ({@link FloatTiles}), and computes the leaky ReLU's slope without a
 * branch as m = (1 + slope) / 2 + (1 - slope) / 2 * y / (|y| + tiny), which is 1 or slope except
 * within about 1e-30 of zero. Per-channel sums go into per-lane float accumulators (lanes of one
 * channel are summed in double at the end), and the moments are taken about each channel's first
 * pixel, so that a large mean does not cancel the variance away.
 *
 * <p>Large images are split in two halves, the second done by {@link HelperThread}.
 *
 * <p>These passes run several times faster than the double ones of {@link DoubleChannelPasses}.
 * No slope pattern is stored: the backward passes recompute it from the input and the forward's
 * coefficients, except while frozen.
 */
final class FloatChannelPasses extends ChannelPasses {
    /** Floats per tile: small enough that a pass's arrays stay in the L1 cache. */
    private static final int TILE_FLOATS = 2048;

    private final FloatTiles[] halves;
    private INDArray input;
    private float[] scales = new float[0];
    private float[] shifts = new float[0];
    /** The slopes of one image while frozen, else null. */
    private float[] frozen;
    /**
     * The last frozen pattern's array, reused: the critic freezes every critic step, and a new
     * image-sized array each time made garbage faster than the collector freed it at fine scales.
     */
    private float[] patternStore = new float[0];
    /** The first image that gets the frozen slopes. */
    private int frozenFrom;

    FloatChannelPasses(double slope) {
        float slopeMean = (float) ((1 + slope) / 2);
        float slopeHalfRange = (float) ((1 - slope) / 2);
        halves = new FloatTiles[]{new FloatTiles(slopeMean, slopeHalfRange), new FloatTiles(slopeMean, slopeHalfRange)};
    }

    @Override
    public void moments(INDArray x, double[] means, double[] variances) {
        Layout layout = layout(x);
        FloatBuffer[] data = views(x);
        // Each channel's first pixel as the pivot.
        float[] pivots = new float[layout.count * layout.channels];
        for (int image = 0; image < layout.count; image++) {
            data[0].get(layout.offset(image), pivots, image * layout.channels, layout.channels);
        }
        inHalves(layout, (half, from, to) -> halves[half].sumsAbout(data[half], layout, pivots, from, to));
        for (int i = 0; i < pivots.length; i++) {
            double shiftedMean = (halves[0].sums[i] + halves[1].sums[i]) / layout.pixels;
            double squares = (halves[0].squares[i] + halves[1].squares[i]) / layout.pixels;
            means[i] = pivots[i] + shiftedMean;
            variances[i] = Math.max(0, squares - shiftedMean * shiftedMean);
        }
    }

    @Override
    public void affine(INDArray x, double[] scale, double[] shift, INDArray result) {
        Layout layout = layout(x);
        if (frozen != null && frozen.length != layout.length) {
            throw new IllegalStateException("The frozen slope pattern is for images of another size");
        }
        input = x;
        scales = toFloats(scale, scales);
        shifts = toFloats(shift, shifts);
        FloatBuffer[] data = views(x);
        FloatBuffer[] target = views(result);
        inHalves(layout, (half, from, to) -> halves[half].affine(data[half], target[half], layout, scales, shifts,
                frozen, frozenFrom, from, to));
    }

    @Override
    public void gradientSums(INDArray g, double[] sumG, double[] sumGX) {
        Layout layout = layout(input);
        FloatBuffer[] gradient = views(g);
        FloatBuffer[] data = views(input);
        inHalves(layout, (half, from, to) -> halves[half].gradientSums(gradient[half], data[half], layout, scales,
                shifts, frozen, frozenFrom, from, to));
        for (int i = 0; i < sumG.length; i++) {
            sumG[i] = halves[0].sums[i] + halves[1].sums[i];
            sumGX[i] = halves[0].squares[i] + halves[1].squares[i];
        }
    }

    @Override
    public void combine(INDArray g, double[] a, double[] b, double[] c, INDArray result) {
        Layout layout = layout(input);
        float[][] coefficients = {toFloats(a, new float[0]), toFloats(b, new float[0]), toFloats(c, new float[0])};
        FloatBuffer[] gradient = views(g);
        FloatBuffer[] data = views(input);
        FloatBuffer[] target = views(result);
        inHalves(layout, (half, from, to) -> halves[half].combine(gradient[half], data[half], target[half], layout,
                scales, shifts, coefficients, frozen, frozenFrom, from, to));
    }

    @Override
    public void freeze(int fromImage) {
        Layout layout = layout(input);
        patternStore = halves[0].slopePattern(views(input)[0], layout, scales, shifts, patternStore);
        frozen = patternStore;
        frozenFrom = fromImage;
    }

    @Override
    public void unfreeze() {
        frozen = null;
    }

    /** Runs a pass over whole images in tiles, split between this thread and the helper for large images. */
    private static void inHalves(Layout layout, HelperThread.Half pass) {
        int tiles = (layout.length + layout.tileLength - 1) / layout.tileLength;
        HelperThread.inHalves(tiles, layout.pixels >= HelperThread.SPLIT_FROM_PIXELS, (half, from, to) ->
                pass.run(half, from * layout.tileLength, Math.min(to * layout.tileLength, layout.length)));
    }

    private Layout layout(INDArray x) {
        Layout layout = new Layout(x);
        for (FloatTiles half : halves) {
            half.prepare(layout);
        }
        return layout;
    }

    /** One NIO view of the array's values per half (made here, on the engine thread). */
    private static FloatBuffer[] views(INDArray x) {
        return new FloatBuffer[]{x.data().asNioFloat(), x.data().asNioFloat()};
    }

    private static float[] toFloats(double[] values, float[] reuse) {
        float[] floats = reuse.length == values.length ? reuse : new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** The layout of a channels-last input, and the tile length for its channel count. */
    static final class Layout {
        final int count;
        final int pixels;
        final int channels;
        /** Elements per image. */
        final int length;
        /** Elements per tile: whole pixels. */
        final int tileLength;
        private final long start;

        Layout(INDArray x) {
            ChannelPasses.requireWholeContiguous(x);
            count = (int) x.size(0);
            pixels = (int) (x.size(1) * x.size(2));
            channels = (int) x.size(3);
            length = pixels * channels;
            tileLength = Math.max(1, TILE_FLOATS / channels) * channels;
            start = x.offset();
        }

        /** The buffer index of an image's first element. */
        int offset(int image) {
            return (int) (start + (long) image * length);
        }
    }
}
