package org.singanseg.studio.core.mask;

import java.util.Arrays;
import java.util.List;

/**
 * Fills a closed polygon (lasso or clicked points) with the even-odd rule: a pixel is inside when
 * its centre is. Points are continuous image coordinates; parts outside the image are clipped.
 */
public final class PolygonFill {
    /** A vertex in image coordinates. */
    public record Point(double x, double y) {
    }

    private PolygonFill() {
    }

    public static PixelRegion fill(MaskRaster mask, List<Point> polygon, boolean inside) {
        if (polygon.size() < 3) {
            return PixelRegion.EMPTY;
        }
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : polygon) {
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        int fromY = Math.max(0, (int) Math.floor(minY));
        int toY = Math.min(mask.height(), (int) Math.ceil(maxY) + 1);
        double[] crossings = new double[polygon.size()];
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int y = fromY; y < toY; y++) {
            double centreY = y + 0.5;
            int count = 0;
            for (int i = 0; i < polygon.size(); i++) {
                Point a = polygon.get(i);
                Point b = polygon.get((i + 1) % polygon.size());
                // Half-open rule: each edge counts at its lower end only, so shared vertices cross once.
                if ((a.y() <= centreY) != (b.y() <= centreY)) {
                    crossings[count++] = a.x() + (centreY - a.y()) / (b.y() - a.y()) * (b.x() - a.x());
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int i = 0; i + 1 < count; i += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[i] - 0.5));
                int to = Math.min(mask.width(), (int) Math.floor(crossings[i + 1] - 0.5) + 1);
                if (from < to) {
                    mask.setRow(y, from, to, inside);
                    left = Math.min(left, from);
                    right = Math.max(right, to);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y + 1);
                }
            }
        }
        return left > right ? PixelRegion.EMPTY : PixelRegion.ofBounds(left, top, right, bottom);
    }
}
