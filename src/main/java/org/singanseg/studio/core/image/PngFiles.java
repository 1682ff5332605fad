package org.singanseg.studio.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.singanseg.studio.core.io.AtomicFiles;

/** 8-bit PNG output of RGB images and binary masks, written atomically. */
public final class PngFiles {
    private PngFiles() {
    }

    /** RGB planes in [0, 1] to an 8-bit RGB image. */
    public static BufferedImage rgb(Planes rgb) {
        BufferedImage image = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                int i = y * rgb.width() + x;
                image.setRGB(x, y, (byte8(rgb.plane(0)[i]) << 16) | (byte8(rgb.plane(1)[i]) << 8) | byte8(rgb.plane(2)[i]));
            }
        }
        return image;
    }

    /** A binary mask as 0 / 255 greyscale. */
    public static BufferedImage mask(boolean[] mask, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < mask.length; i++) {
            pixels[i] = (byte) (mask[i] ? 255 : 0);
        }
        return image;
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer available");
            }
        });
    }

    private static int byte8(float unit) {
        return Math.max(0, Math.min(255, Math.round(unit * 255)));
    }
}
