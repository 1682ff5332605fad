package org.singanseg.studio.testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;

/**
 * Real PolypGen pairs from ../shared/data/polypgen (CC BY 4.0, Ali et al., Scientific Data 2023),
 * falling back to the demo pair in assets/ (one of them, 720x576) when the shared folder is absent,
 * as in every user's clone. Tests take sizes from the files ({@link Size#of}), not from these comments.
 */
public final class TestData {
    private static final Path SHARED = Path.of("..", "shared", "data", "polypgen");

    private TestData() {
    }

    /** A small real frame (384x288). */
    public static Path smallImage() {
        return frame("EndoCV2021_C5_50000128.jpg", "images");
    }

    public static Path smallMask() {
        return frame("EndoCV2021_C5_50000128.jpg", "masks");
    }

    /** A 1920x1080 frame. */
    public static Path largeImage() {
        return frame("EndoCV2021_001407.jpg", "images");
    }

    public static Path largeMask() {
        return frame("EndoCV2021_001407.jpg", "masks");
    }

    /**
     * A PolypGen frame by file name, from {@code images} or {@code masks}; the demo pair's image
     * or mask when the shared folder is absent.
     */
    public static Path frame(String name, String folder) {
        Path shared = SHARED.resolve(folder).resolve(name);
        if (Files.isRegularFile(shared)) {
            return shared;
        }
        return Path.of("assets", "demo", folder.equals("images") ? "polyp-image.jpg" : "polyp-mask.jpg");
    }

    /** An image's size in pixels; its toString is the "384x288" of the app's messages. */
    public record Size(int width, int height) {
        public static Size of(Path image) throws Exception {
            Planes planes = ImageFiles.read(image);
            return new Size(planes.width(), planes.height());
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /**
     * {@link #largeImage} where the shared folder has it, else the demo image at twice its size,
     * written into dir: an image larger than the demo's (720x576) on every clone.
     */
    public static Path largerThanDemo(Path dir) throws Exception {
        Path large = largeImage();
        if (!large.startsWith(SHARED)) {
            BufferedImage demo = ImageIO.read(large.toFile());
            BufferedImage twice = new BufferedImage(2 * demo.getWidth(), 2 * demo.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = twice.createGraphics();
            graphics.drawImage(demo, 0, 0, twice.getWidth(), twice.getHeight(), null);
            graphics.dispose();
            large = dir.resolve("demo-twice.png");
            ImageIO.write(twice, "png", large.toFile());
        }
        return large;
    }

    /** {@link #smallMask} at half its size, written into dir: it fits neither the small image nor the demo's. */
    public static Path maskOfAnotherSize(Path dir) throws Exception {
        MaskRaster mask = MaskFiles.read(smallMask());
        Path file = dir.resolve("mask-of-another-size.png");
        MaskFiles.write(MaskFiles.resizedNearest(mask, mask.width() / 2, mask.height() / 2), file);
        return file;
    }
}
