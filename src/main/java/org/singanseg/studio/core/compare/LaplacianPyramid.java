package org.singanseg.studio.core.compare;

import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.image.Planes;

/**
 * A Laplacian pyramid as in Karras et al.'s sliced Wasserstein distance: each Gaussian level is the
 * previous one blurred with the 5-tap binomial kernel [1 4 6 4 1]/16 and decimated by 2 (sizes round
 * up); every level but the last is its band-pass (the level minus the next one upsampled), the last
 * is the low-pass. Borders mirror without repeating the edge sample, which keeps the zeros of the
 * zero-inserted upsampling on the right parity at both ends.
 */
final class LaplacianPyramid {
    static final int MAX_LEVELS = 4;
    static final int MIN_SIDE = 16;

    private static final float[] KERNEL = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};

    private LaplacianPyramid() {
    }

    /** How many levels an image of this size gets: up to 4, each level's short side at least 16. */
    static int levelsFor(int height, int width) {
        int levels = 1;
        int side = Math.min(height, width);
        while (levels < MAX_LEVELS && half(side) >= MIN_SIDE) {
            side = half(side);
            levels++;
        }
        return levels;
    }

    /** The pyramid with the given number of levels, finest first. */
    static List<Planes> build(Planes image, int levels) {
        List<Planes> gaussian = new ArrayList<>();
        gaussian.add(image);
        for (int i = 1; i < levels; i++) {
            gaussian.add(down(gaussian.get(i - 1)));
        }
        List<Planes> laplacian = new ArrayList<>();
        for (int i = 0; i < levels - 1; i++) {
            Planes level = gaussian.get(i);
            laplacian.add(minus(level, up(gaussian.get(i + 1), level.height(), level.width())));
        }
        laplacian.add(gaussian.get(levels - 1));
        return laplacian;
    }

    static int half(int size) {
        return (size + 1) / 2;
    }

    private static Planes down(Planes in) {
        Planes blurred = blur(in, 1);
        int h = half(in.height());
        int w = half(in.width());
        Planes out = Planes.zeros(in.channels(), h, w);
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.set(c, y, x, blurred.get(c, 2 * y, 2 * x));
                }
            }
        }
        return out;
    }

    /** Zero-inserts to the given size and blurs; the gain of 2 per axis restores the mean. */
    private static Planes up(Planes in, int height, int width) {
        Planes sparse = Planes.zeros(in.channels(), height, width);
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < in.height(); y++) {
                for (int x = 0; x < in.width(); x++) {
                    sparse.set(c, 2 * y, 2 * x, in.get(c, y, x));
                }
            }
        }
        return blur(sparse, 2);
    }

    /** Separable binomial blur, each pass scaled by gain. */
    private static Planes blur(Planes in, float gain) {
        int h = in.height();
        int w = in.width();
        Planes out = Planes.zeros(in.channels(), h, w);
        float[] rows = new float[h * w];
        for (int c = 0; c < in.channels(); c++) {
            float[] src = in.plane(c);
            float[] dst = out.plane(c);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int t = 0; t < KERNEL.length; t++) {
                        sum += KERNEL[t] * src[y * w + mirror(x + t - 2, w)];
                    }
                    rows[y * w + x] = gain * sum;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int t = 0; t < KERNEL.length; t++) {
                        sum += KERNEL[t] * rows[mirror(y + t - 2, h) * w + x];
                    }
                    dst[y * w + x] = gain * sum;
                }
            }
        }
        return out;
    }

    private static Planes minus(Planes a, Planes b) {
        Planes out = Planes.zeros(a.channels(), a.height(), a.width());
        for (int c = 0; c < a.channels(); c++) {
            float[] pa = a.plane(c);
            float[] pb = b.plane(c);
            float[] po = out.plane(c);
            for (int i = 0; i < po.length; i++) {
                po[i] = pa[i] - pb[i];
            }
        }
        return out;
    }

    /** Reflects about the edge sample (-1 is 1, n is n - 2); needs n >= 3. */
    private static int mirror(int i, int n) {
        if (i < 0) {
            return -i;
        }
        return i >= n ? 2 * n - 2 - i : i;
    }
}
