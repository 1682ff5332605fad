package org.singanseg.studio.core.seg;

/** Pixel counts of a predicted binary mask against the true one (true = polyp). */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** Counts over two masks of the same pixels, in the same order. */
    public static Confusion of(boolean[] predicted, boolean[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("Masks differ in size: " + predicted.length + " vs " + truth.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] && truth[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (truth[i]) {
                fn++;
            }
        }
        return new Confusion(tp, fp, fn, truth.length - tp - fp - fn);
    }

    public long pixels() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** Neither mask marks any pixel. */
    public boolean bothEmpty() {
        return truePositives + falsePositives + falseNegatives == 0;
    }
}
