package org.singanseg.studio.core.nn.compute;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The tile loops of {@link FloatChannelPasses} for one thread: its tile arrays, and its share of a
 * pass (the elements from .. to - 1 of every image, in whole tiles). The loops read fields into
 * locals first and index all their arrays alike, which is what lets C2 vectorise them.
 */
final class FloatTiles {
    /** Keeps y / (|y| + TINY) finite at y = 0. */
    private static final float TINY = Float.MIN_NORMAL;

    private final float slopeMean;
    private final float slopeHalfRange;

    /** Per image and channel: this half's sums of the last summing pass, and of its squares or products. */
    double[] sums = new double[0];
    double[] squares = new double[0];

    private int channels;
    private int tileLength;
    private float[] in;
    private float[] inX;
    private float[] out;
    private float[] slopes;
    private float[] laneSums;
    private float[] laneSquares;
    private float[] tileScale;
    private float[] tileShift;
    private float[] tileA;
    private float[] tileB;
    private float[] tileC;

    FloatTiles(float slopeMean, float slopeHalfRange) {
        this.slopeMean = slopeMean;
        this.slopeHalfRange = slopeHalfRange;
    }

    /** Sizes the tiles for a layout and clears the sums. */
    void prepare(FloatChannelPasses.Layout layout) {
        if (layout.channels != channels) {
            channels = layout.channels;
            tileLength = layout.tileLength;
            in = new float[tileLength];
            inX = new float[tileLength];
            out = new float[tileLength];
            slopes = new float[tileLength];
            laneSums = new float[tileLength];
            laneSquares = new float[tileLength];
            tileScale = new float[tileLength];
            tileShift = new float[tileLength];
            tileA = new float[tileLength];
            tileB = new float[tileLength];
            tileC = new float[tileLength];
        }
        int perImage = layout.count * channels;
        if (sums.length != perImage) {
            sums = new double[perImage];
            squares = new double[perImage];
        } else {
            Arrays.fill(sums, 0);
            Arrays.fill(squares, 0);
        }
    }

    /** Sums of x - pivot and of its square, per image and channel, into {@link #sums} and {@link #squares}. */
    void sumsAbout(FloatBuffer data, FloatChannelPasses.Layout layout, float[] pivots, int from, int to) {
        for (int image = 0; image < layout.count; image++) {
            int base = layout.offset(image);
            repeat(pivots, image * channels, tileA);
            clearLanes();
            for (int o = from; o < to; o += tileLength) {
                int n = Math.min(tileLength, to - o);
                data.get(base + o, in, 0, n);
                sumSquaresAbout(tileA, n);
            }
            addLaneTotals(image);
        }
    }

    /** out = f(s x + t), with the slopes of f from y = s x + t or the frozen pattern. */
    void affine(FloatBuffer data, FloatBuffer target, FloatChannelPasses.Layout layout, float[] scales, float[] shifts,
                float[] frozen, int frozenFrom, int from, int to) {
        for (int image = 0; image < layout.count; image++) {
            int base = layout.offset(image);
            coefficients(scales, shifts, image);
            float[] pattern = image >= frozenFrom ? frozen : null;
            for (int o = from; o < to; o += tileLength) {
                int n = Math.min(tileLength, to - o);
                data.get(base + o, in, 0, n);
                slopes(in, pattern, o, n);
                applyAffine(n);
                target.put(base + o, out, 0, n);
            }
        }
    }

    /** Sums of e = g * slope and of e * x, per image and channel, into {@link #sums} and {@link #squares}. */
    void gradientSums(FloatBuffer gradient, FloatBuffer data, FloatChannelPasses.Layout layout, float[] scales,
                      float[] shifts, float[] frozen, int frozenFrom, int from, int to) {
        for (int image = 0; image < layout.count; image++) {
            int base = layout.offset(image);
            coefficients(scales, shifts, image);
            float[] pattern = image >= frozenFrom ? frozen : null;
            clearLanes();
            for (int o = from; o < to; o += tileLength) {
                int n = Math.min(tileLength, to - o);
                gradient.get(base + o, in, 0, n);
                data.get(base + o, inX, 0, n);
                slopes(inX, pattern, o, n);
                sumGradients(n);
            }
            addLaneTotals(image);
        }
    }

    /** out = a e + b x + c, with e = g * slope and coefficients {a, b, c} per image and channel. */
    void combine(FloatBuffer gradient, FloatBuffer data, FloatBuffer target, FloatChannelPasses.Layout layout,
                 float[] scales, float[] shifts, float[][] coefficients, float[] frozen, int frozenFrom, int from, int to) {
        for (int image = 0; image < layout.count; image++) {
            int base = layout.offset(image);
            coefficients(scales, shifts, image);
            repeat(coefficients[0], image * channels, tileA);
            repeat(coefficients[1], image * channels, tileB);
            repeat(coefficients[2], image * channels, tileC);
            float[] pattern = image >= frozenFrom ? frozen : null;
            for (int o = from; o < to; o += tileLength) {
                int n = Math.min(tileLength, to - o);
                gradient.get(base + o, in, 0, n);
                data.get(base + o, inX, 0, n);
                slopes(inX, pattern, o, n);
                combineTile(n);
                target.put(base + o, out, 0, n);
            }
        }
    }

    /** The slopes of the first image, as a pattern to freeze, in {@code reuse} if it has the length. */
    float[] slopePattern(FloatBuffer data, FloatChannelPasses.Layout layout, float[] scales, float[] shifts,
                         float[] reuse) {
        float[] pattern = reuse.length == layout.length ? reuse : new float[layout.length];
        coefficients(scales, shifts, 0);
        for (int o = 0; o < layout.length; o += tileLength) {
            int n = Math.min(tileLength, layout.length - o);
            data.get(layout.offset(0) + o, inX, 0, n);
            slopes(inX, null, o, n);
            System.arraycopy(slopes, 0, pattern, o, n);
        }
        return pattern;
    }

    /**
     * The activation's slope for the first n elements of a tile of inputs x that starts at element
     * offset of its image: from y = s x + t, or the given frozen pattern.
     */
    private void slopes(float[] x, float[] pattern, int offset, int n) {
        if (pattern != null) {
            System.arraycopy(pattern, offset, slopes, 0, n);
            return;
        }
        float[] s = tileScale;
        float[] t = tileShift;
        float[] m = slopes;
        float mean = slopeMean;
        float halfRange = slopeHalfRange;
        for (int j = 0; j < n; j++) {
            float y = s[j] * x[j] + t[j];
            m[j] = mean + halfRange * y / (Math.abs(y) + TINY);
        }
    }

    private void sumSquaresAbout(float[] pivot, int n) {
        float[] x = in;
        float[] s1 = laneSums;
        float[] s2 = laneSquares;
        for (int j = 0; j < n; j++) {
            float d = x[j] - pivot[j];
            s1[j] += d;
            s2[j] += d * d;
        }
    }

    private void applyAffine(int n) {
        float[] x = in;
        float[] s = tileScale;
        float[] t = tileShift;
        float[] m = slopes;
        float[] y = out;
        for (int j = 0; j < n; j++) {
            y[j] = (s[j] * x[j] + t[j]) * m[j];
        }
    }

    private void sumGradients(int n) {
        float[] g = in;
        float[] x = inX;
        float[] m = slopes;
        float[] s1 = laneSums;
        float[] s2 = laneSquares;
        for (int j = 0; j < n; j++) {
            float e = g[j] * m[j];
            s1[j] += e;
            s2[j] += e * x[j];
        }
    }

    private void combineTile(int n) {
        float[] g = in;
        float[] x = inX;
        float[] m = slopes;
        float[] a = tileA;
        float[] b = tileB;
        float[] c = tileC;
        float[] y = out;
        for (int j = 0; j < n; j++) {
            y[j] = a[j] * g[j] * m[j] + b[j] * x[j] + c[j];
        }
    }

    /** One image's scale and shift, repeated to the tile's length. */
    private void coefficients(float[] scales, float[] shifts, int image) {
        repeat(scales, image * channels, tileScale);
        repeat(shifts, image * channels, tileShift);
    }

    private void repeat(float[] perChannel, int from, float[] tile) {
        for (int j = 0; j < tileLength; j += channels) {
            System.arraycopy(perChannel, from, tile, j, channels);
        }
    }

    private void clearLanes() {
        Arrays.fill(laneSums, 0);
        Arrays.fill(laneSquares, 0);
    }

    /** Adds the lanes' sums of each channel (in double) to this half's sums of the image. */
    private void addLaneTotals(int image) {
        int at = image * channels;
        for (int j = 0; j < tileLength; j += channels) {
            for (int c = 0; c < channels; c++) {
                sums[at + c] += laneSums[j + c];
                squares[at + c] += laneSquares[j + c];
            }
        }
    }
}
