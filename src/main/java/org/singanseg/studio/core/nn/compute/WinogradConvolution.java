package org.singanseg.studio.core.nn.compute;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Winograd's F(4x4, 3x3) algorithm (Lavin and Gray, 2016) for valid 3x3 convolutions on
 * channels-last float32 arrays, for CPUs where oneDNN has no Winograd kernels (oneDNN 2.5 has them
 * for AVX-512 only). Each 4x4 block of output pixels ("tile") is computed from the 6x6 input pixels
 * under it: both are moved into a domain of 36 points (V = B^T d B per input channel, U = G g G^T
 * per kernel), where the convolution becomes 36 matrix products over channels, M = V U, which
 * oneDNN's sgemm runs; the output is Y = A^T M A. That takes 36 multiplications per 16 output
 * pixels and channel pair where the direct algorithm takes 144.
 *
 * <p>The input gradient is the same algorithm run on the output gradient, zero-padded by 2, with
 * the kernel turned by 180 degrees and its channels swapped. The weight gradient is 36 products in
 * the transformed domain too, of the input's tiles and the output gradient's (dM = A dY A^T), then
 * dW = G^T dU G. The transforms are Java loops ({@link TileTransforms}), split between two threads
 * for large images ({@link HelperThread}).
 *
 * <p>Tiles are stored one after another, each as [36 points][channels], so each point's matrix is
 * a strided view for sgemm. Not thread-safe: the engine thread's.
 */
final class WinogradConvolution {
    /** Output pixels per tile side. */
    private static final int TILE = 4;
    /** Input pixels per tile side. */
    private static final int SPAN = 6;
    private static final int POINTS = SPAN * SPAN;
    private static final int KERNEL = 3;
    /**
     * Where this algorithm beats oneDNN's direct AVX2 kernels (a layer's forward and backward
     * passes, 2 cores; see the README): between layers this wide and on images with this many
     * output pixels. Narrower layers make matrix products too small for sgemm to outweigh the
     * transforms, and smaller images cost more in per-call overhead than they save.
     */
    private static final int FROM_CHANNELS = 64;
    private static final long FROM_PIXELS = 10_000;

    private final int inChannels;
    private final int outChannels;
    /** The transformed kernel, or its gradient, [36][inC][outC], native for sgemm. */
    private final FloatPointer pointWeightsNative;
    /** Each thread's transform arrays for images of inC channels, and of outC channels. */
    private final TileTransforms[] ofInChannels;
    private final TileTransforms[] ofOutChannels;
    private final float[] biasValues;
    private final float[] biasGradientValues;
    private final float[] noBias;
    private float[] weightValues = new float[0];
    private float[] pointWeights = new float[0];
    private float[] weightRows = new float[0];

    WinogradConvolution(int inChannels, int outChannels) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.pointWeightsNative = new FloatPointer((long) POINTS * inChannels * outChannels);
        this.ofInChannels = new TileTransforms[] {new TileTransforms(inChannels), new TileTransforms(inChannels)};
        this.ofOutChannels = inChannels == outChannels ? ofInChannels
                : new TileTransforms[] {new TileTransforms(outChannels), new TileTransforms(outChannels)};
        this.biasValues = new float[outChannels];
        this.biasGradientValues = new float[outChannels];
        this.noBias = new float[inChannels];
    }

    /** Whether this algorithm is the faster one for a valid 3x3 convolution of these channels and output size. */
    static boolean pays(int inChannels, int outChannels, long outHeight, long outWidth) {
        return Math.min(inChannels, outChannels) >= FROM_CHANNELS && outHeight * outWidth >= FROM_PIXELS;
    }

    /** output = input * weights + bias; input [B, H, W, inC], output [B, H - 2, W - 2, outC]. */
    void forward(INDArray input, INDArray weights, INDArray bias, INDArray output) {
        transformWeights(weights, false);
        bias.data().asNioFloat().get((int) bias.offset(), biasValues, 0, outChannels);
        convolve(input, ofInChannels, 0, output, ofOutChannels, biasValues, false);
    }

    /** gradInput [B, H, W, inC] from gradOutput [B, H - 2, W - 2, outC]. */
    void inputGradient(INDArray gradOutput, INDArray weights, INDArray gradInput) {
        transformWeights(weights, true);
        convolve(gradOutput, ofOutChannels, KERNEL - 1, gradInput, ofInChannels, noBias, true);
    }

    /**
     * The weight and bias gradients, overwriting gradWeights ([3, 3, inC, outC]) and gradBias: in
     * the transformed domain dU = sum over tiles of V^T (A dY A^T) per point, 36 matrix products
     * over the tiles, and dW = G^T dU G.
     */
    void weightGradients(INDArray input, INDArray gradOutput, INDArray gradWeights, INDArray gradBias) {
        for (TileTransforms half : ofOutChannels) {
            half.clearSums();
        }
        for (int image = 0; image < input.size(0); image++) {
            Grid grid = new Grid(input, gradOutput, 0, image);
            Pointer inputPoints = transformSource(input, ofInChannels, 0, grid);
            long gradFloats = (long) grid.tiles * POINTS * outChannels;
            Pointer gradPoints = DirectOneDnn.scratch(DirectOneDnn.WINOGRAD_TARGET_SLOT, gradFloats * Float.BYTES);
            FloatBuffer[] gradViews = {views(gradOutput), views(gradOutput)};
            FloatBuffer[] gradPointViews = {floats(gradPoints, gradFloats), floats(gradPoints, gradFloats)};
            HelperThread.inHalves(grid.tiles, grid.parallel(), (half, from, to) ->
                    ofOutChannels[half].gradientTransform(gradViews[half], grid, gradPointViews[half], from, to));
            // Each image adds its products to the previous images'.
            float beta = image == 0 ? 0f : 1f;
            for (int point = 0; point < POINTS; point++) {
                sgemm(true, false, inChannels, outChannels, grid.tiles,
                        inputPoints.address() + (long) point * inChannels * Float.BYTES, POINTS * inChannels,
                        gradPoints.address() + (long) point * outChannels * Float.BYTES, POINTS * outChannels, beta,
                        pointWeightsNative.address() + (long) point * inChannels * outChannels * Float.BYTES,
                        outChannels);
            }
        }
        kernelGradient(gradWeights);
        for (int c = 0; c < outChannels; c++) {
            biasGradientValues[c] = (float) (ofOutChannels[0].channelSum(c) + ofOutChannels[1].channelSum(c));
        }
        gradBias.data().asNioFloat().put((int) gradBias.offset(), biasGradientValues, 0, outChannels);
    }

    /**
     * target = source (zero-padded by pad) correlated with the transformed kernel.
     *
     * @param swapped the kernel's channels swapped: source has outC channels and target inC
     */
    private void convolve(INDArray source, TileTransforms[] sourceTransforms, int pad, INDArray target,
                          TileTransforms[] targetTransforms, float[] targetBias, boolean swapped) {
        for (int image = 0; image < source.size(0); image++) {
            convolveImage(new Grid(source, target, pad, image), source, sourceTransforms, pad, target,
                    targetTransforms, targetBias, swapped);
        }
    }

    /** One image of {@link #convolve}: a batch's scratch buffers would take its size times as much memory. */
    private void convolveImage(Grid grid, INDArray source, TileTransforms[] sourceTransforms, int pad,
                               INDArray target, TileTransforms[] targetTransforms, float[] targetBias,
                               boolean swapped) {
        int sourceChannels = sourceTransforms[0].channels;
        int targetChannels = targetTransforms[0].channels;
        Pointer sourcePoints = transformSource(source, sourceTransforms, pad, grid);
        long targetFloats = (long) grid.tiles * POINTS * targetChannels;
        Pointer targetPoints = DirectOneDnn.scratch(DirectOneDnn.WINOGRAD_TARGET_SLOT, targetFloats * Float.BYTES);
        for (int point = 0; point < POINTS; point++) {
            sgemm(false, swapped, grid.tiles, targetChannels, sourceChannels,
                    sourcePoints.address() + (long) point * sourceChannels * Float.BYTES, POINTS * sourceChannels,
                    pointWeightsNative.address() + (long) point * inChannels * outChannels * Float.BYTES, outChannels,
                    0f, targetPoints.address() + (long) point * targetChannels * Float.BYTES, POINTS * targetChannels);
        }
        FloatBuffer[] targetPointViews = {floats(targetPoints, targetFloats), floats(targetPoints, targetFloats)};
        FloatBuffer[] targetViews = {views(target), views(target)};
        HelperThread.inHalves(grid.tiles, grid.parallel(), (half, from, to) ->
                targetTransforms[half].outputTransform(targetPointViews[half], grid, targetBias, targetViews[half],
                        from, to));
    }

    /** V = B^T d B of every tile of the source (zero-padded by pad), in the source slot's scratch buffer. */
    private static Pointer transformSource(INDArray source, TileTransforms[] transforms, int pad, Grid grid) {
        long floats = (long) grid.tiles * POINTS * transforms[0].channels;
        Pointer points = DirectOneDnn.scratch(DirectOneDnn.WINOGRAD_SOURCE_SLOT, floats * Float.BYTES);
        FloatBuffer[] sourceViews = {views(source), views(source)};
        FloatBuffer[] pointViews = {floats(points, floats), floats(points, floats)};
        HelperThread.inHalves(grid.tiles, grid.parallel(), (half, from, to) ->
                transforms[half].inputTransform(sourceViews[half], grid, pad, pointViews[half], from, to));
        return points;
    }

    /** c = op(a) op(b) + beta c, row-major, a being rows x depth after op. */
    private static void sgemm(boolean transposeA, boolean transposeB, long rows, long columns, long depth, long a,
                              long aStride, long b, long bStride, float beta, long c, long cStride) {
        int status = dnnl.dnnl_sgemm((byte) (transposeA ? 'T' : 'N'), (byte) (transposeB ? 'T' : 'N'), rows, columns,
                depth, 1f, at(a), aStride, at(b), bStride, beta, at(c), cStride);
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN's sgemm failed with status " + status);
        }
    }

    /** dW = G^T dU G for every channel pair, from the products in {@link #pointWeightsNative} into gradWeights. */
    private void kernelGradient(INDArray gradWeights) {
        int pairs = inChannels * outChannels;
        sizeWeightArrays(pairs);
        pointWeightsNative.get(pointWeights, 0, pointWeights.length);
        // G^T along the points' rows: rows[ky][j] = sum over i of G[i][ky] dU[i][j].
        kernelGradientRows(pointWeights, 0, SPAN * pairs, weightRows, 0, SPAN * pairs, SPAN * pairs);
        // G along the columns: dW[ky][kx] = sum over j of rows[ky][j] G[j][kx].
        for (int ky = 0; ky < KERNEL; ky++) {
            kernelGradientRows(weightRows, ky * SPAN * pairs, pairs, weightValues, ky * KERNEL * pairs, pairs, pairs);
        }
        gradWeights.data().asNioFloat().put((int) gradWeights.offset(), weightValues, 0, weightValues.length);
    }

    /**
     * out[k] = sum over i of G[i][k] in[i] for k = 0 .. 2, each a run of n floats (the transpose of
     * {@link #kernelRows}).
     */
    private static void kernelGradientRows(float[] in, int inAt, int inStride, float[] out, int outAt, int outStride,
                                           int n) {
        int a0 = inAt;
        int a1 = inAt + inStride;
        int a2 = inAt + 2 * inStride;
        int a3 = inAt + 3 * inStride;
        int a4 = inAt + 4 * inStride;
        int a5 = inAt + 5 * inStride;
        int o = outAt;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] / 4 - (in[a1 + k] + in[a2 + k]) / 6 + (in[a3 + k] + in[a4 + k]) / 24;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = (in[a2 + k] - in[a1 + k]) / 6 + (in[a3 + k] - in[a4 + k]) / 12;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = (in[a3 + k] + in[a4 + k] - in[a1 + k] - in[a2 + k]) / 6 + in[a5 + k];
        }
    }

    /**
     * U = G g G^T for every channel pair of the kernel, [36][inC][outC]; turned by 180 degrees for
     * the input gradient (the channels stay in place: sgemm reads the matrices transposed).
     */
    private void transformWeights(INDArray weights, boolean turned) {
        int pairs = inChannels * outChannels;
        sizeWeightArrays(pairs);
        weights.data().asNioFloat().get((int) weights.offset(), weightValues, 0, weightValues.length);
        float[] g = weightValues;
        float[] rows = weightRows;
        // G along the kernel's columns: rows[i][kx] = sum over ky of G[i][ky] g[ky][kx].
        for (int kx = 0; kx < KERNEL; kx++) {
            kernelRows(g, tap(0, kx, turned) * pairs, tap(1, kx, turned) * pairs, tap(2, kx, turned) * pairs, rows,
                    kx * pairs, KERNEL * pairs, pairs);
        }
        // G along the rows: u[i][j] = sum over kx of rows[i][kx] G[j][kx].
        for (int i = 0; i < SPAN; i++) {
            int r = i * KERNEL * pairs;
            kernelRows(rows, r, r + pairs, r + 2 * pairs, pointWeights, i * SPAN * pairs, pairs, pairs);
        }
        pointWeightsNative.put(pointWeights, 0, pointWeights.length);
    }

    private void sizeWeightArrays(int pairs) {
        if (weightValues.length != KERNEL * KERNEL * pairs) {
            weightValues = new float[KERNEL * KERNEL * pairs];
            weightRows = new float[SPAN * KERNEL * pairs];
            pointWeights = new float[POINTS * pairs];
        }
    }

    /**
     * out[i] = sum over k of G[i][k] in[k] for i = 0 .. 5, each a run of n floats
     * (G's rows: 1/4 0 0 / -1/6 -1/6 -1/6 / -1/6 1/6 -1/6 / 1/24 1/12 1/6 / 1/24 -1/12 1/6 / 0 0 1).
     */
    private static void kernelRows(float[] in, int a0, int a1, int a2, float[] out, int outAt, int outStride, int n) {
        int o = outAt;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] / 4;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = -(in[a0 + k] + in[a1 + k] + in[a2 + k]) / 6;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = -(in[a0 + k] - in[a1 + k] + in[a2 + k]) / 6;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] / 24 + in[a1 + k] / 12 + in[a2 + k] / 6;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] / 24 - in[a1 + k] / 12 + in[a2 + k] / 6;
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a2 + k];
        }
    }

    /** The kernel tap at (ky, kx), or at the opposite position when the kernel is turned. */
    private static int tap(int ky, int kx, boolean turned) {
        return turned ? (KERNEL - 1 - ky) * KERNEL + (KERNEL - 1 - kx) : ky * KERNEL + kx;
    }

    private static FloatBuffer views(INDArray array) {
        return array.data().asNioFloat();
    }

    private static FloatBuffer floats(Pointer pointer, long length) {
        FloatPointer floats = new FloatPointer(pointer);
        floats.capacity(length);
        floats.limit(length);
        return floats.asBuffer();
    }

    private static FloatPointer at(long address) {
        return new FloatPointer(DirectOneDnn.at(address));
    }

    /** Where one image's tiles lie: the source's and target's sizes and starts, and the tiles over the target. */
    private static final class Grid {
        final int sourceHeight;
        final int sourceWidth;
        final long sourceStart;
        final int targetHeight;
        final int targetWidth;
        final long targetStart;
        final int tilesAcross;
        final int tiles;

        Grid(INDArray source, INDArray target, int pad, int image) {
            sourceHeight = (int) source.size(1);
            sourceWidth = (int) source.size(2);
            sourceStart = source.offset() + image * (long) sourceHeight * sourceWidth * source.size(3);
            targetHeight = (int) target.size(1);
            targetWidth = (int) target.size(2);
            targetStart = target.offset() + image * (long) targetHeight * targetWidth * target.size(3);
            if (targetHeight != sourceHeight + 2 * pad - (KERNEL - 1)
                    || targetWidth != sourceWidth + 2 * pad - (KERNEL - 1)) {
                throw new IllegalArgumentException("A valid 3x3 convolution's target is 2 pixels smaller than its"
                        + " padded source on each axis");
            }
            tilesAcross = (targetWidth + TILE - 1) / TILE;
            tiles = (targetHeight + TILE - 1) / TILE * tilesAcross;
        }

        boolean parallel() {
            return (long) targetHeight * targetWidth >= HelperThread.SPLIT_FROM_PIXELS;
        }

        /** Tile t's pixels across that lie inside the target (4 but at the right edge). */
        int across(int t) {
            return Math.min(TILE, targetWidth - t % tilesAcross * TILE);
        }

        /** Tile t's rows that lie inside the target (4 but at the bottom edge). */
        int down(int t) {
            return Math.min(TILE, targetHeight - t / tilesAcross * TILE);
        }

        /** The buffer index of the first target pixel in row i of tile t. */
        int targetRow(int t, int i, int channels) {
            long y = t / tilesAcross * TILE + i;
            long x = t % tilesAcross * TILE;
            return Math.toIntExact(targetStart + (y * targetWidth + x) * channels);
        }
    }

    /**
     * One thread's tile arrays and transform loops, a tile at a time, laid out [row][column][channel].
     * The first pass of each transform combines the tile's rows in loops over whole rows, one output
     * row per loop, which HotSpot vectorises; the second combines a row's pixels, one loop over the
     * channels for all of a row's outputs (short loops cost more than they gain from SIMD).
     */
    private static final class TileTransforms {
        private final int channels;
        private final float[] in;
        private final float[] rows;
        private final float[] points;
        /** Per element of a 4x4 tile, the sum over the tiles of the output gradient (for the bias gradient). */
        private final double[] gradientSums;

        TileTransforms(int channels) {
            this.channels = channels;
            in = new float[POINTS * channels];
            rows = new float[POINTS * channels];
            points = new float[POINTS * channels];
            gradientSums = new double[TILE * TILE * channels];
        }

        /** V = B^T d B for the tiles from .. to - 1, written tile after tile ([tiles][36][channels]). */
        void inputTransform(FloatBuffer source, Grid grid, int pad, FloatBuffer target, int from, int to) {
            int span = SPAN * channels;
            for (int t = from; t < to; t++) {
                gather(source, grid, t, pad);
                inputRows(in, 0, span, rows, 0, span, span);
                float[] r = rows;
                float[] v = points;
                int c1 = channels;
                int c2 = 2 * channels;
                int c3 = 3 * channels;
                int c4 = 4 * channels;
                int c5 = 5 * channels;
                for (int o = 0; o < POINTS * channels; o += span) {
                    for (int c = 0; c < channels; c++) {
                        float d0 = r[o + c];
                        float d1 = r[o + c1 + c];
                        float d2 = r[o + c2 + c];
                        float d3 = r[o + c3 + c];
                        float d4 = r[o + c4 + c];
                        float d5 = r[o + c5 + c];
                        v[o + c] = 4 * d0 - 5 * d2 + d4;
                        v[o + c1 + c] = d3 + d4 - 4 * (d1 + d2);
                        v[o + c2 + c] = 4 * (d1 - d2) + d4 - d3;
                        v[o + c3 + c] = 2 * (d3 - d1) + d4 - d2;
                        v[o + c4 + c] = 2 * (d1 - d3) + d4 - d2;
                        v[o + c5 + c] = 4 * d1 - 5 * d3 + d5;
                    }
                }
                target.put(t * POINTS * channels, v, 0, POINTS * channels);
            }
        }

        void clearSums() {
            Arrays.fill(gradientSums, 0);
        }

        /** The output gradient's sum over all pixels in channel c, of this thread's tiles since {@link #clearSums}. */
        double channelSum(int c) {
            double sum = 0;
            for (int at = c; at < gradientSums.length; at += channels) {
                sum += gradientSums[at];
            }
            return sum;
        }

        /**
         * dM = A dY A^T for the tiles from .. to - 1 of the output gradient dY (the grid's target),
         * written tile after tile ([tiles][36][channels]), and dY's sums.
         */
        void gradientTransform(FloatBuffer source, Grid grid, FloatBuffer target, int from, int to) {
            int tileRow = TILE * channels;
            int span = SPAN * channels;
            for (int t = from; t < to; t++) {
                int across = grid.across(t);
                int down = grid.down(t);
                if (across < TILE || down < TILE) {
                    Arrays.fill(in, 0, TILE * tileRow, 0f);
                }
                for (int i = 0; i < down; i++) {
                    source.get(grid.targetRow(t, i, channels), in, i * tileRow, across * channels);
                }
                addToSums(TILE * tileRow);
                gradientRows(in, 0, tileRow, rows, 0, tileRow, tileRow);
                // A along each row's pixels.
                float[] r = rows;
                float[] m = points;
                int c1 = channels;
                int c2 = 2 * channels;
                int c3 = 3 * channels;
                int c4 = 4 * channels;
                int c5 = 5 * channels;
                for (int i = 0; i < SPAN; i++) {
                    int o = i * tileRow;
                    int out = i * span;
                    for (int c = 0; c < channels; c++) {
                        float y0v = r[o + c];
                        float y1 = r[o + c1 + c];
                        float y2 = r[o + c2 + c];
                        float y3 = r[o + c3 + c];
                        m[out + c] = y0v;
                        m[out + c1 + c] = y0v + y1 + y2 + y3;
                        m[out + c2 + c] = y0v - y1 + y2 - y3;
                        m[out + c3 + c] = y0v + 2 * y1 + 4 * y2 + 8 * y3;
                        m[out + c4 + c] = y0v - 2 * y1 + 4 * y2 - 8 * y3;
                        m[out + c5 + c] = y3;
                    }
                }
                target.put(t * POINTS * channels, m, 0, POINTS * channels);
            }
        }

        private void addToSums(int n) {
            double[] sums = gradientSums;
            float[] g = in;
            for (int k = 0; k < n; k++) {
                sums[k] += g[k];
            }
        }

        /** Tile t's 6x6 source pixels (the source padded by pad) into {@link #in}, zero outside the source. */
        private void gather(FloatBuffer source, Grid grid, int t, int pad) {
            int span = SPAN * channels;
            int y0 = t / grid.tilesAcross * TILE - pad;
            int x0 = t % grid.tilesAcross * TILE - pad;
            int first = Math.max(x0, 0);
            int end = Math.min(x0 + SPAN, grid.sourceWidth);
            boolean inside = y0 >= 0 && y0 + SPAN <= grid.sourceHeight && first == x0 && end == x0 + SPAN;
            for (int i = 0; i < SPAN; i++) {
                int y = y0 + i;
                if (!inside) {
                    Arrays.fill(in, i * span, (i + 1) * span, 0f);
                    if (y < 0 || y >= grid.sourceHeight || end <= first) {
                        continue;
                    }
                }
                long at = grid.sourceStart + ((long) y * grid.sourceWidth + first) * channels;
                source.get((int) at, in, i * span + (first - x0) * channels, (end - first) * channels);
            }
        }

        /** Y = A^T M A plus the bias for the tiles from .. to - 1, the pixels inside the target written. */
        void outputTransform(FloatBuffer source, Grid grid, float[] bias, FloatBuffer target, int from, int to) {
            int span = SPAN * channels;
            int tileRow = TILE * channels;
            for (int t = from; t < to; t++) {
                source.get(t * POINTS * channels, in, 0, POINTS * channels);
                outputRows(in, 0, span, rows, 0, span, span);
                float[] r = rows;
                float[] y = points;
                float[] b = bias;
                int c1 = channels;
                int c2 = 2 * channels;
                int c3 = 3 * channels;
                int c4 = 4 * channels;
                int c5 = 5 * channels;
                for (int i = 0; i < TILE; i++) {
                    int o = i * span;
                    int out = i * tileRow;
                    for (int c = 0; c < channels; c++) {
                        float m0 = r[o + c];
                        float m1 = r[o + c1 + c];
                        float m2 = r[o + c2 + c];
                        float m3 = r[o + c3 + c];
                        float m4 = r[o + c4 + c];
                        float m5 = r[o + c5 + c];
                        y[out + c] = m0 + m1 + m2 + m3 + m4 + b[c];
                        y[out + c1 + c] = m1 - m2 + 2 * (m3 - m4) + b[c];
                        y[out + c2 + c] = m1 + m2 + 4 * (m3 + m4) + b[c];
                        y[out + c3 + c] = m1 - m2 + 8 * (m3 - m4) + m5 + b[c];
                    }
                }
                int across = grid.across(t);
                for (int i = 0; i < grid.down(t); i++) {
                    target.put(grid.targetRow(t, i, channels), y, i * tileRow, across * channels);
                }
            }
        }
    }

    /**
     * out[i] = sum over r of B^T[i][r] in[r] for i = 0 .. 5, each in[r] and out[i] a run of n floats
     * (B^T's rows: 4 0 -5 0 1 0 / 0 -4 -4 1 1 0 / 0 4 -4 -1 1 0 / 0 -2 -1 2 1 0 / 0 2 -1 -2 1 0 / 0 4 0 -5 0 1).
     */
    private static void inputRows(float[] in, int inAt, int inStride, float[] out, int outAt, int outStride, int n) {
        int a0 = inAt;
        int a1 = inAt + inStride;
        int a2 = inAt + 2 * inStride;
        int a3 = inAt + 3 * inStride;
        int a4 = inAt + 4 * inStride;
        int a5 = inAt + 5 * inStride;
        int o = outAt;
        for (int k = 0; k < n; k++) {
            out[o + k] = 4 * in[a0 + k] - 5 * in[a2 + k] + in[a4 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a3 + k] + in[a4 + k] - 4 * (in[a1 + k] + in[a2 + k]);
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = 4 * (in[a1 + k] - in[a2 + k]) + in[a4 + k] - in[a3 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = 2 * (in[a3 + k] - in[a1 + k]) + in[a4 + k] - in[a2 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = 2 * (in[a1 + k] - in[a3 + k]) + in[a4 + k] - in[a2 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = 4 * in[a1 + k] - 5 * in[a3 + k] + in[a5 + k];
        }
    }

    /**
     * out[r] = sum over i of A[r][i] in[i] for r = 0 .. 5, A being A^T transposed
     * (A's rows: 1 0 0 0 / 1 1 1 1 / 1 -1 1 -1 / 1 2 4 8 / 1 -2 4 -8 / 0 0 0 1).
     */
    private static void gradientRows(float[] in, int inAt, int inStride, float[] out, int outAt, int outStride, int n) {
        int a0 = inAt;
        int a1 = inAt + inStride;
        int a2 = inAt + 2 * inStride;
        int a3 = inAt + 3 * inStride;
        int o = outAt;
        System.arraycopy(in, a0, out, o, n);
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] + in[a1 + k] + in[a2 + k] + in[a3 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] - in[a1 + k] + in[a2 + k] - in[a3 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] + 2 * in[a1 + k] + 4 * in[a2 + k] + 8 * in[a3 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] - 2 * in[a1 + k] + 4 * in[a2 + k] - 8 * in[a3 + k];
        }
        o += outStride;
        System.arraycopy(in, a3, out, o, n);
    }

    /**
     * out[i] = sum over r of A^T[i][r] in[r] for i = 0 .. 3
     * (A^T's rows: 1 1 1 1 1 0 / 0 1 -1 2 -2 0 / 0 1 1 4 4 0 / 0 1 -1 8 -8 1).
     */
    private static void outputRows(float[] in, int inAt, int inStride, float[] out, int outAt, int outStride, int n) {
        int a0 = inAt;
        int a1 = inAt + inStride;
        int a2 = inAt + 2 * inStride;
        int a3 = inAt + 3 * inStride;
        int a4 = inAt + 4 * inStride;
        int a5 = inAt + 5 * inStride;
        int o = outAt;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a0 + k] + in[a1 + k] + in[a2 + k] + in[a3 + k] + in[a4 + k];
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a1 + k] - in[a2 + k] + 2 * (in[a3 + k] - in[a4 + k]);
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a1 + k] + in[a2 + k] + 4 * (in[a3 + k] + in[a4 + k]);
        }
        o += outStride;
        for (int k = 0; k < n; k++) {
            out[o + k] = in[a1 + k] - in[a2 + k] + 8 * (in[a3 + k] - in[a4 + k]) + in[a5 + k];
        }
    }
}
