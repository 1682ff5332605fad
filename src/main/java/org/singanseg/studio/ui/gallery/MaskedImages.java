package org.singanseg.studio.ui.gallery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Images with their mask drawn in, made off the UI thread (a {@link WritableImage} may be filled on
 * any thread until it is shown): overlay tints the inside, outline marks the inside pixels that
 * touch the outside.
 */
public final class MaskedImages {
    public static final Color MASK_COLOUR = Color.web("#00e676");
    private static final double OVERLAY_OPACITY = 0.4;

    /** Pixels as ARGB with the mask in the alpha channel (255 inside), as thumbnails store them. */
    public record MaskedPixels(int width, int height, int[] argb) {
        boolean inside(int x, int y) {
            return argb[y * width + x] >>> 24 != 0;
        }
    }

    private MaskedImages() {
    }

    /** A gallery thumbnail file (see core Thumbnails). */
    public static MaskedPixels readThumbnail(Path file) throws IOException {
        return pixelsOf(read(file));
    }

    /** An ARGB image whose alpha is the mask, such as core Thumbnails makes. */
    public static MaskedPixels pixelsOf(BufferedImage image) {
        return new MaskedPixels(image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
    }

    /** A full-size image file and its mask file (bright = inside). */
    public static MaskedPixels readPair(Path imageFile, Path maskFile) throws IOException {
        BufferedImage image = read(imageFile);
        BufferedImage mask = read(maskFile);
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        boolean sameSize = mask.getWidth() == width && mask.getHeight() == height;
        int[] maskRgb = sameSize ? mask.getRGB(0, 0, width, height, null, 0, width) : new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            boolean inside = (maskRgb[i] & 0xff) >= 128;
            argb[i] = (argb[i] & 0xffffff) | (inside ? 0xff000000 : 0);
        }
        return new MaskedPixels(width, height, argb);
    }

    /**
     * The pixels enlarged by a whole factor: colours interpolated bilinearly and the mask likewise,
     * cut at one half, so that an outline drawn afterwards follows a smooth edge at the size shown
     * instead of the sample's pixel steps.
     */
    public static MaskedPixels enlarged(MaskedPixels pixels, int factor) {
        if (factor <= 1) {
            return pixels;
        }
        int w = pixels.width() * factor;
        int h = pixels.height() * factor;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            double sy = Math.max(0, Math.min(pixels.height() - 1, (y + 0.5) / factor - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, pixels.height() - 1);
            double fy = sy - y0;
            for (int x = 0; x < w; x++) {
                double sx = Math.max(0, Math.min(pixels.width() - 1, (x + 0.5) / factor - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, pixels.width() - 1);
                double fx = sx - x0;
                int a = pixels.argb()[y0 * pixels.width() + x0];
                int b = pixels.argb()[y0 * pixels.width() + x1];
                int c = pixels.argb()[y1 * pixels.width() + x0];
                int d = pixels.argb()[y1 * pixels.width() + x1];
                int argb = 0;
                for (int shift = 0; shift <= 24; shift += 8) {
                    double top = (a >>> shift & 0xff) * (1 - fx) + (b >>> shift & 0xff) * fx;
                    double bottom = (c >>> shift & 0xff) * (1 - fx) + (d >>> shift & 0xff) * fx;
                    int channel = (int) Math.round(top * (1 - fy) + bottom * fy);
                    argb |= (shift == 24 ? (channel >= 128 ? 0xff : 0) : channel) << shift;
                }
                out[y * w + x] = argb;
            }
        }
        return new MaskedPixels(w, h, out);
    }

    public static WritableImage render(MaskedPixels pixels, MaskStyle style) {
        int w = pixels.width();
        int h = pixels.height();
        int[] out = new int[w * h];
        int tint = argb(MASK_COLOUR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int rgb = pixels.argb()[i] | 0xff000000;
                if (style == MaskStyle.OVERLAY && pixels.inside(x, y)) {
                    rgb = blend(rgb, tint, OVERLAY_OPACITY);
                } else if (style == MaskStyle.OUTLINE && pixels.inside(x, y) && touchesOutside(pixels, x, y)) {
                    rgb = tint;
                }
                out[i] = rgb;
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return image;
    }

    private static boolean touchesOutside(MaskedPixels p, int x, int y) {
        return x == 0 || y == 0 || x == p.width() - 1 || y == p.height() - 1
                || !p.inside(x - 1, y) || !p.inside(x + 1, y) || !p.inside(x, y - 1) || !p.inside(x, y + 1);
    }

    private static int blend(int rgb, int tint, double alpha) {
        int r = mix(rgb >> 16 & 0xff, tint >> 16 & 0xff, alpha);
        int g = mix(rgb >> 8 & 0xff, tint >> 8 & 0xff, alpha);
        int b = mix(rgb & 0xff, tint & 0xff, alpha);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private static int mix(int base, int over, double alpha) {
        return (int) Math.round(base * (1 - alpha) + over * alpha);
    }

    private static int argb(Color colour) {
        return 0xff000000 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file.getFileName() + " is not a readable image");
        }
        return image;
    }
}
