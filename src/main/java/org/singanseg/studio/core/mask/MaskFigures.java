package org.singanseg.studio.core.mask;

/**
 * The live figures shown under the mask: how much of the image it covers and in how many separate
 * (8-connected) regions. Regions are counted from runs of mask pixels, row by row, with a
 * union-find over the runs, so a 48-megapixel mask costs one pass over its bytes.
 */
public record MaskFigures(long insidePixels, long totalPixels, int regions) {

    public double coverage() {
        return totalPixels == 0 ? 0 : (double) insidePixels / totalPixels;
    }

    public boolean isEmpty() {
        return insidePixels == 0;
    }

    public boolean isFull() {
        return insidePixels == totalPixels;
    }

    public static MaskFigures of(MaskRaster mask) {
        byte[] pixels = mask.pixels();
        int width = mask.width();
        RunUnion runs = new RunUnion();
        long inside = 0;
        int previousRowFirst = 0;
        int previousRowEnd = 0;
        for (int y = 0; y < mask.height(); y++) {
            int rowFirst = runs.size();
            int row = y * width;
            int x = 0;
            int scan = previousRowFirst;
            while (x < width) {
                if (pixels[row + x] == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && pixels[row + x] != 0) {
                    x++;
                }
                inside += x - start;
                int run = runs.add(start, x);
                // 8-connected: a run above touches this one if it reaches one pixel past either end.
                while (scan < previousRowEnd && runs.end(scan) < start) {
                    scan++;
                }
                for (int above = scan; above < previousRowEnd && runs.start(above) <= x; above++) {
                    runs.union(run, above);
                }
            }
            previousRowFirst = rowFirst;
            previousRowEnd = runs.size();
        }
        return new MaskFigures(inside, (long) width * mask.height(), runs.components());
    }

    /** Runs [start, end) with a union-find over them. */
    private static final class RunUnion {
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        private int[] parents = new int[256];
        private int size;
        private int components;

        int add(int start, int end) {
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
                parents = java.util.Arrays.copyOf(parents, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            parents[size] = size;
            components++;
            return size++;
        }

        int size() {
            return size;
        }

        int start(int run) {
            return starts[run];
        }

        int end(int run) {
            return ends[run];
        }

        int components() {
            return components;
        }

        void union(int a, int b) {
            int rootA = root(a);
            int rootB = root(b);
            if (rootA != rootB) {
                parents[rootA] = rootB;
                components--;
            }
        }

        private int root(int run) {
            while (parents[run] != run) {
                parents[run] = parents[parents[run]];
                run = parents[run];
            }
            return run;
        }
    }
}
