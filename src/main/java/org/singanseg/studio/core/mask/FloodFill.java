package org.singanseg.studio.core.mask;

/** Fills the 4-connected area of equal pixels around a seed with a value (scanline fill, no recursion). */
public final class FloodFill {
    private FloodFill() {
    }

    /** Returns the bounding region of the changed pixels; empty when the seed already had the value. */
    public static PixelRegion fill(MaskRaster mask, int seedX, int seedY, boolean inside) {
        boolean seedInImage = seedX >= 0 && seedY >= 0 && seedX < mask.width() && seedY < mask.height();
        if (!seedInImage || mask.get(seedX, seedY) == inside) {
            return PixelRegion.EMPTY;
        }
        boolean target = !inside;
        int width = mask.width();
        int[] stack = new int[64];
        int size = 0;
        stack[size++] = seedY * width + seedX;
        int left = seedX;
        int right = seedX + 1;
        int top = seedY;
        int bottom = seedY + 1;
        while (size > 0) {
            int index = stack[--size];
            int y = index / width;
            int x = index % width;
            if (mask.get(x, y) != target) {
                continue;
            }
            int from = x;
            while (from > 0 && mask.get(from - 1, y) == target) {
                from--;
            }
            int to = x + 1;
            while (to < width && mask.get(to, y) == target) {
                to++;
            }
            mask.setRow(y, from, to, inside);
            left = Math.min(left, from);
            right = Math.max(right, to);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y + 1);
            for (int neighbourY = y - 1; neighbourY <= y + 1; neighbourY += 2) {
                if (neighbourY < 0 || neighbourY >= mask.height()) {
                    continue;
                }
                // One seed for each run of target pixels next to the filled run.
                boolean inRun = false;
                for (int nx = from; nx < to; nx++) {
                    boolean candidate = mask.get(nx, neighbourY) == target;
                    if (candidate && !inRun) {
                        if (size == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, size * 2);
                        }
                        stack[size++] = neighbourY * width + nx;
                    }
                    inRun = candidate;
                }
            }
        }
        return PixelRegion.ofBounds(left, top, right, bottom);
    }
}
