package org.singanseg.studio.core.compare;

import java.util.Arrays;
import java.util.Random;

import org.singanseg.studio.core.image.Planes;

/**
 * The 7x7 RGB patches of one pyramid level, normalised per channel and projected on fixed random
 * unit directions, each direction's projections sorted: the 1-D distributions that the sliced
 * Wasserstein distance compares. Patch positions are all positions when there are at most
 * {@link #MAX_PATCHES}, otherwise that many drawn with a seed fixed per level, so one image always
 * gives the same projections whatever the call order or thread.
 */
final class PatchProjections {
    static final int PATCH = 7;
    static final int MAX_PATCHES = 2048;
    static final int DIRECTIONS = 64;

    private static final int DIMENSIONS = 3 * PATCH * PATCH;
    private static final long SEED = 20180215L;
    /** Direction d's component k at [k][d], so the projection loop runs over contiguous memory. */
    private static final float[][] BASIS = directions();

    private PatchProjections() {
    }

    /**
     * Per direction, the sorted projections of the level's patches after subtracting mean[c] and
     * dividing by std[c] in channel c.
     */
    static float[][] sorted(Planes level, int levelIndex, float[] mean, float[] std) {
        int rows = level.height() - PATCH + 1;
        int columns = level.width() - PATCH + 1;
        int n = Math.min(rows * columns, MAX_PATCHES);
        int[] ys = new int[n];
        int[] xs = new int[n];
        if (rows * columns <= MAX_PATCHES) {
            for (int i = 0; i < n; i++) {
                ys[i] = i / columns;
                xs[i] = i % columns;
            }
        } else {
            Random random = new Random(SEED + levelIndex);
            for (int i = 0; i < n; i++) {
                ys[i] = random.nextInt(rows);
                xs[i] = random.nextInt(columns);
            }
        }
        float[][] projections = new float[DIRECTIONS][n];
        float[] patch = new float[DIMENSIONS];
        float[] projection = new float[DIRECTIONS];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int c = 0; c < 3; c++) {
                float[] plane = level.plane(c);
                float scale = 1 / std[c];
                for (int dy = 0; dy < PATCH; dy++) {
                    int row = (ys[i] + dy) * level.width() + xs[i];
                    for (int dx = 0; dx < PATCH; dx++) {
                        patch[k++] = (plane[row + dx] - mean[c]) * scale;
                    }
                }
            }
            Arrays.fill(projection, 0);
            for (k = 0; k < DIMENSIONS; k++) {
                float v = patch[k];
                float[] component = BASIS[k];
                for (int d = 0; d < DIRECTIONS; d++) {
                    projection[d] += v * component[d];
                }
            }
            for (int d = 0; d < DIRECTIONS; d++) {
                projections[d][i] = projection[d];
            }
        }
        RadixSort.sortEach(projections);
        return projections;
    }

    private static float[][] directions() {
        Random random = new Random(SEED);
        double[][] v = new double[DIRECTIONS][DIMENSIONS];
        for (double[] direction : v) {
            double norm = 0;
            for (int k = 0; k < DIMENSIONS; k++) {
                direction[k] = random.nextGaussian();
                norm += direction[k] * direction[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < DIMENSIONS; k++) {
                direction[k] /= norm;
            }
        }
        float[][] basis = new float[DIMENSIONS][DIRECTIONS];
        for (int d = 0; d < DIRECTIONS; d++) {
            for (int k = 0; k < DIMENSIONS; k++) {
                basis[k][d] = (float) v[d][k];
            }
        }
        return basis;
    }
}
