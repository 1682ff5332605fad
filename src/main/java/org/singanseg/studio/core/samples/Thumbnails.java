package org.singanseg.studio.core.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;

/**
 * Gallery thumbnails: the image box-filtered to at most {@link #MAX_SIDE} pixels, with the mask in
 * the alpha channel (255 inside, 0 outside) so one small file holds both. The alpha is data, not
 * transparency: viewers draw the mask from it as overlay or outline.
 */
public final class Thumbnails {
    public static final int MAX_SIDE = 256;

    private Thumbnails() {
    }

    public static BufferedImage of(Planes rgb, boolean[] mask) {
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(rgb.width(), rgb.height()));
        int width = Math.max(1, (int) Math.round(rgb.width() * factor));
        int height = Math.max(1, (int) Math.round(rgb.height() * factor));
        BufferedImage thumb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int ty = 0; ty < height; ty++) {
            int y0 = ty * rgb.height() / height;
            int y1 = Math.max(y0 + 1, (ty + 1) * rgb.height() / height);
            for (int tx = 0; tx < width; tx++) {
                int x0 = tx * rgb.width() / width;
                int x1 = Math.max(x0 + 1, (tx + 1) * rgb.width() / width);
                thumb.setRGB(tx, ty, boxAverage(rgb, mask, y0, y1, x0, x1));
            }
        }
        return thumb;
    }

    public static void write(Planes rgb, boolean[] mask, Path file) throws IOException {
        PngFiles.write(of(rgb, mask), file);
    }

    /** ARGB of the mean colour of a box; alpha 255 when most of the box is inside the mask. */
    private static int boxAverage(Planes rgb, boolean[] mask, int y0, int y1, int x0, int x1) {
        double r = 0;
        double g = 0;
        double b = 0;
        int inside = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * rgb.width() + x;
                r += rgb.plane(0)[i];
                g += rgb.plane(1)[i];
                b += rgb.plane(2)[i];
                inside += mask[i] ? 1 : 0;
            }
        }
        int n = (y1 - y0) * (x1 - x0);
        int alpha = inside * 2 > n ? 255 : 0;
        return alpha << 24 | byte8(r / n) << 16 | byte8(g / n) << 8 | byte8(b / n);
    }

    private static int byte8(double unit) {
        return (int) Math.max(0, Math.min(255, Math.round(unit * 255)));
    }
}
