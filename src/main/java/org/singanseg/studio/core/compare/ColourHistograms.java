package org.singanseg.studio.core.compare;

import org.singanseg.studio.core.image.Planes;

/**
 * Per-channel 256-bin histograms of an image with values in [0, 1], binned by 8-bit value
 * (round(v * 255), clamped to 0..255), over the whole image or only the pixels inside a mask: the
 * colour distributions a real image and its synthetic samples are compared and charted by.
 *
 * @param counts per channel, the pixels in each of the 256 bins (copied in and out)
 * @param pixels the pixels counted, the same for every channel
 */
public record ColourHistograms(long[][] counts, int pixels) {
    public static final int BINS = 256;

    public ColourHistograms {
        counts = copy(counts);
        for (long[] channel : counts) {
            if (channel.length != BINS) {
                throw new IllegalArgumentException("Expected " + BINS + " bins, got " + channel.length + ".");
            }
        }
    }

    public static ColourHistograms of(Planes image) {
        return of(image, null);
    }

    /** Counts only the pixels where inside is true (row-major, height x width); null counts all. */
    public static ColourHistograms of(Planes image, boolean[] inside) {
        int size = image.height() * image.width();
        if (inside != null && inside.length != size) {
            throw new IllegalArgumentException("The mask has " + inside.length + " pixels, the image " + size + ".");
        }
        long[][] counts = new long[image.channels()][BINS];
        int pixels = 0;
        for (int i = 0; i < size; i++) {
            if (inside != null && !inside[i]) {
                continue;
            }
            pixels++;
            for (int c = 0; c < counts.length; c++) {
                int bin = Math.round(image.plane(c)[i] * 255f);
                counts[c][Math.max(0, Math.min(BINS - 1, bin))]++;
            }
        }
        return new ColourHistograms(counts, pixels);
    }

    @Override
    public long[][] counts() {
        return copy(counts);
    }

    public int channels() {
        return counts.length;
    }

    public long count(int channel, int bin) {
        return counts[channel][bin];
    }

    /** The share of the counted pixels in this bin; 0 when no pixel was counted. */
    public double fraction(int channel, int bin) {
        return pixels == 0 ? 0 : (double) counts[channel][bin] / pixels;
    }

    /** All fractions, [channel][bin]. */
    public double[][] fractions() {
        double[][] fractions = new double[counts.length][BINS];
        for (int c = 0; c < counts.length; c++) {
            for (int b = 0; b < BINS; b++) {
                fractions[c][b] = fraction(c, b);
            }
        }
        return fractions;
    }

    /** The fractions summed into {@code bins} consecutive groups of 8-bit values (equal when bins divides 256). */
    public double[] coarse(int channel, int bins) {
        if (bins < 1 || bins > BINS) {
            throw new IllegalArgumentException("Bins must be 1 to " + BINS + ", got " + bins + ".");
        }
        double[] coarse = new double[bins];
        for (int b = 0; b < BINS; b++) {
            coarse[b * bins / BINS] += fraction(channel, b);
        }
        return coarse;
    }

    private static long[][] copy(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            copy[c] = counts[c].clone();
        }
        return copy;
    }
}
