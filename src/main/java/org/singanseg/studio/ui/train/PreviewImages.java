package org.singanseg.studio.ui.train;

import org.singanseg.studio.core.image.Planes;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** RGB + mask planes in [0, 1] as an image: the RGB with the mask (> 0.5) tinted green. */
final class PreviewImages {
    private static final double TINT = 0.45;

    private PreviewImages() {
    }

    static WritableImage withMask(Planes fourChannels) {
        int w = fourChannels.width();
        int h = fourChannels.height();
        WritableImage image = new WritableImage(w, h);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = fourChannels.get(0, y, x);
                double g = fourChannels.get(1, y, x);
                double b = fourChannels.get(2, y, x);
                if (fourChannels.get(3, y, x) > 0.5f) {
                    r = r * (1 - TINT);
                    g = g * (1 - TINT) + TINT;
                    b = b * (1 - TINT) + TINT * 0.46;
                }
                writer.setArgb(x, y, 0xff000000 | (byte8(r) << 16) | (byte8(g) << 8) | byte8(b));
            }
        }
        return image;
    }

    private static int byte8(double unit) {
        return (int) Math.max(0, Math.min(255, Math.round(unit * 255)));
    }
}
