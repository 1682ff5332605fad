package org.singanseg.studio.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.testing.TestData;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsRealJpegAsRgbInUnitRange() throws Exception {
        Planes image = ImageFiles.read(TestData.smallImage());
        assertEquals(3, image.channels());
        assertTrue(image.width() >= 384 && image.height() >= 288);
        float max = 0;
        for (float v : image.plane(0)) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertTrue(max > 0.5, "a colonoscopy frame has bright red");
    }

    @Test
    void sixteenBitGreyKeepsItsScale() throws Exception {
        BufferedImage grey16 = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = grey16.getRaster();
        raster.setSample(0, 0, 0, 65535);
        raster.setSample(1, 0, 0, 32768);
        Path file = dir.resolve("grey16.png");
        ImageIO.write(grey16, "png", file.toFile());
        Planes planes = ImageFiles.read(file);
        assertEquals(1, planes.channels());
        assertEquals(1.0, planes.get(0, 0, 0), 1e-6);
        assertEquals(32768 / 65535.0, planes.get(0, 0, 1), 1e-6, "no gamma shift of linear grey");
        assertEquals(0.0, planes.get(0, 2, 3), 1e-6);
    }

    @Test
    void rgbaPngKeepsAlphaAsFourthPlane() throws Exception {
        BufferedImage rgba = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x80FF0000);
        Path file = dir.resolve("rgba.png");
        ImageIO.write(rgba, "png", file.toFile());
        Planes planes = ImageFiles.read(file);
        assertEquals(4, planes.channels());
        assertEquals(1.0, planes.get(0, 0, 0), 1e-6);
        assertEquals(128 / 255.0, planes.get(3, 0, 0), 1e-6);
    }

    @Test
    void readsBmpTiffAndPalettePng() throws Exception {
        BufferedImage rgb = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(2, 1, 0x00FF80);
        for (String format : new String[]{"bmp", "tiff"}) {
            Path file = dir.resolve("image." + format);
            assertTrue(ImageIO.write(rgb, format, file.toFile()), format);
            Planes planes = ImageFiles.read(file);
            assertEquals(3, planes.channels(), format);
            assertArrayEquals(new float[]{0f, 1f, 128 / 255f},
                    new float[]{planes.get(0, 1, 2), planes.get(1, 1, 2), planes.get(2, 1, 2)}, 1e-6f, format);
        }
        BufferedImage indexed = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(1, 1, 0xFFFFFF);
        Path file = dir.resolve("palette.png");
        ImageIO.write(indexed, "png", file.toFile());
        Planes planes = ImageFiles.read(file);
        assertEquals(3, planes.channels());
        assertEquals(1.0, planes.get(1, 1, 1), 0.01);
    }

    @Test
    void nonImageAndTruncatedFilesGetClearMessages() throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        InvalidInputException notImage = assertThrows(InvalidInputException.class, () -> ImageFiles.read(text));
        assertTrue(notImage.getMessage().contains("not an image"), notImage.getMessage());

        byte[] jpeg = Files.readAllBytes(TestData.smallImage());
        Path truncated = dir.resolve("truncated.jpg");
        // Cut halfway to the start of scan (FF DA), inside the header's tables.
        int scan = 2;
        while (!(jpeg[scan] == (byte) 0xFF && jpeg[scan + 1] == (byte) 0xDA)) {
            scan++;
        }
        Files.write(truncated, java.util.Arrays.copyOf(jpeg, scan / 2));
        InvalidInputException broken = assertThrows(InvalidInputException.class, () -> ImageFiles.read(truncated));
        assertTrue(broken.getMessage().contains("damaged") || broken.getMessage().contains("not an image"),
                broken.getMessage());

        Path halfJpeg = dir.resolve("half.jpg");
        Files.write(halfJpeg, java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        InvalidInputException half = assertThrows(InvalidInputException.class, () -> ImageFiles.read(halfJpeg));
        assertTrue(half.getMessage().contains("half.jpg is incomplete"), half.getMessage());

        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> ImageFiles.read(dir.resolve("nothing.png")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
