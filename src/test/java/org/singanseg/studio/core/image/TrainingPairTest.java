package org.singanseg.studio.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.testing.TestData;

class TrainingPairTest {
    @TempDir
    Path dir;

    @Test
    void realPairHasBinaryMaskWithPlausibleCoverage() throws Exception {
        TrainingPair pair = TrainingPair.load(TestData.smallImage(), TestData.smallMask());
        double coverage = pair.coverage();
        assertTrue(coverage > 0.005 && coverage < 0.9, "polyp coverage " + coverage);
        assertEquals(pair.width() * pair.height(), pair.mask().length);
    }

    @Test
    void maskOfAnotherSizeIsRefusedWithBothSizes() throws Exception {
        Path image = png("image.png", 40, 30, 0x808080);
        Path mask = png("mask.png", 30, 40, 0xFFFFFF);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingPair.load(image, mask));
        assertTrue(e.getMessage().contains("30x40") && e.getMessage().contains("40x30"), e.getMessage());
    }

    @Test
    void emptyAndFullMasksAreRefusedWithCoverage() throws Exception {
        Path image = png("image.png", 40, 30, 0x808080);
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> TrainingPair.load(image, png("black.png", 40, 30, 0x000000)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        InvalidInputException full = assertThrows(InvalidInputException.class,
                () -> TrainingPair.load(image, png("white.png", 40, 30, 0xFFFFFF)));
        assertTrue(full.getMessage().contains("100%"), full.getMessage());
    }

    @Test
    void tooSmallImageIsRefused() throws Exception {
        Path image = png("tiny.png", 40, 20, 0x808080);
        Path mask = png("tinymask.png", 40, 20, 0x000000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingPair.load(image, mask));
        assertTrue(e.getMessage().contains("at least 25"), e.getMessage());
    }

    @Test
    void alphaChannelIsTheMaskWhenNoMaskFileIsGiven() throws Exception {
        BufferedImage rgba = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                rgba.setRGB(x, y, (x < 10 ? 0xFF000000 : 0x10000000) | 0x336699);
            }
        }
        Path file = dir.resolve("rgba.png");
        ImageIO.write(rgba, "png", file.toFile());
        TrainingPair pair = TrainingPair.load(file, null);
        assertEquals(0.25, pair.coverage(), 1e-9);
        assertEquals(0x33 / 255.0, pair.rgb().get(0, 5, 5), 1e-6);

        Path rgb = png("rgb.png", 40, 30, 0x808080);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingPair.load(rgb, null));
        assertTrue(e.getMessage().contains("no alpha"), e.getMessage());
    }

    @Test
    void greyMaskIsThresholdedAt128OverTheBrightestChannel() throws Exception {
        Path image = png("image.png", 30, 30, 0x808080);
        BufferedImage mask = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        mask.setRGB(0, 0, 0x000080); // blue 128: polyp
        mask.setRGB(1, 0, 0x7F7F7F); // grey 127: background (JPEG ringing level)
        Path file = dir.resolve("mask.png");
        ImageIO.write(mask, "png", file.toFile());
        TrainingPair pair = TrainingPair.load(image, file);
        assertTrue(pair.mask()[0]);
        assertTrue(!pair.mask()[1]);
    }

    @Test
    void readTakesAnEmptyMaskThatLoadRefuses() throws Exception {
        Path image = png("image.png", 40, 30, 0x808080);
        TrainingPair pair = TrainingPair.read(image, png("black.png", 40, 30, 0x000000));
        assertEquals(0, pair.coverage());
        assertThrows(InvalidInputException.class, () -> TrainingPair.read(image, png("other.png", 30, 40, 0)));
    }

    @Test
    void resizedKeepsTheMaskOnItsPixels() throws Exception {
        TrainingPair pair = TrainingPair.load(TestData.smallImage(), TestData.smallMask());
        assertSame(pair, pair.resized(pair.height(), pair.width()));
        TrainingPair small = pair.resized(pair.height() / 4, pair.width() / 4);
        assertEquals(pair.width() / 4, small.width());
        assertEquals(small.width() * small.height(), small.mask().length);
        assertEquals(pair.coverage(), small.coverage(), 0.02);
        // Every pixel of the small mask is mostly polyp in the 4x4 block it came from.
        for (int y = 0; y < small.height(); y++) {
            for (int x = 0; x < small.width(); x++) {
                if (small.mask()[y * small.width() + x]) {
                    int inside = 0;
                    for (int dy = 0; dy < 4; dy++) {
                        for (int dx = 0; dx < 4; dx++) {
                            inside += pair.mask()[(4 * y + dy) * pair.width() + 4 * x + dx] ? 1 : 0;
                        }
                    }
                    assertTrue(inside >= 4, "polyp pixel from a block with " + inside + " of 16 polyp pixels");
                }
            }
        }
    }

    /** A uniformly coloured RGB PNG. */
    private Path png(String name, int w, int h, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
