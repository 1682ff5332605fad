package org.singanseg.studio.core.mask;

/**
 * Round brush strokes. A stroke between two mouse positions covers every pixel whose centre lies
 * within the brush radius of the segment: the limit of circles stamped densely along it, so fast
 * mouse moves leave no gaps. Coordinates are continuous image coordinates (pixel x covers [x, x + 1)).
 */
public final class Brush {
    private Brush() {
    }

    /** The radius in pixels of a brush of the given diameter; at least half a pixel, so size 1 paints one pixel. */
    public static double radius(double diameter) {
        return Math.max(0.5, diameter / 2);
    }

    /** Paints (inside = true) or erases a stroke segment; returns the region that may have changed. */
    public static PixelRegion stroke(MaskRaster mask, double x0, double y0, double x1, double y1,
                                     double diameter, boolean inside) {
        double r = radius(diameter);
        PixelRegion box = PixelRegion.ofBounds(
                (int) Math.floor(Math.min(x0, x1) - r), (int) Math.floor(Math.min(y0, y1) - r),
                (int) Math.ceil(Math.max(x0, x1) + r) + 1, (int) Math.ceil(Math.max(y0, y1) + r) + 1)
                .intersect(mask.bounds());
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double rSquared = r * r;
        for (int y = box.y(); y < box.bottom(); y++) {
            for (int x = box.x(); x < box.right(); x++) {
                if (distanceSquaredToSegment(x + 0.5, y + 0.5, x0, y0, dx, dy, lengthSquared) <= rSquared) {
                    mask.set(x, y, inside);
                }
            }
        }
        // The pixels under the pointer always count, even when a small brush misses their centres.
        for (double[] end : new double[][]{{x0, y0}, {x1, y1}}) {
            int x = (int) Math.floor(end[0]);
            int y = (int) Math.floor(end[1]);
            if (x >= 0 && y >= 0 && x < mask.width() && y < mask.height()) {
                mask.set(x, y, inside);
            }
        }
        return box;
    }

    static double distanceSquaredToSegment(double px, double py, double x0, double y0,
                                           double dx, double dy, double lengthSquared) {
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / lengthSquared));
        double ex = px - (x0 + t * dx);
        double ey = py - (y0 + t * dy);
        return ex * ex + ey * ey;
    }
}
