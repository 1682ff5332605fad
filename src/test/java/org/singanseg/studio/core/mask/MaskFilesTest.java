package org.singanseg.studio.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.testing.TestData;

class MaskFilesTest {

    @Test
    void realJpegMaskIsThresholdedAt128OverTheBrightestChannel(@TempDir Path dir) throws Exception {
        MaskRaster mask = MaskFiles.read(TestData.smallMask());
        Planes planes = ImageFiles.read(TestData.smallMask());
        long expected = 0;
        for (int i = 0; i < planes.width() * planes.height(); i++) {
            float max = 0;
            for (int c = 0; c < Math.min(3, planes.channels()); c++) {
                max = Math.max(max, planes.plane(c)[i]);
            }
            expected += max * 255 >= 127.999 ? 1 : 0;
        }
        assertEquals(expected, mask.countInside());
        MaskFigures figures = MaskFigures.of(mask);
        assertTrue(figures.coverage() > 0.01 && figures.coverage() < 0.9, "coverage " + figures.coverage());

        Path written = dir.resolve("mask.png");
        MaskFiles.write(mask, written);
        BufferedImage png = ImageIO.read(written.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
        int[] values = png.getRaster().getPixels(0, 0, png.getWidth(), png.getHeight(), (int[]) null);
        for (int i = 0; i < values.length; i++) {
            assertTrue(values[i] == 0 || values[i] == 255);
            assertEquals(mask.get(i % png.getWidth(), i / png.getWidth()), values[i] == 255);
        }
        assertEquals(expected, MaskFiles.read(written).countInside());
        assertEquals(expected, MaskRaster.of(Masks.fromMaskImage(planes), planes.width(), planes.height()).countInside());
    }

    @Test
    void nearestNeighbourResizeKeepsTheShapeAndStaysBinary() {
        MaskRaster small = new MaskRaster(4, 2);
        small.set(1, 0, true);
        small.set(3, 1, true);
        MaskRaster large = MaskFiles.resizedNearest(small, 8, 4);
        assertEquals(8, large.countInside());
        assertTrue(large.get(2, 0) && large.get(3, 1) && large.get(7, 3));
        MaskRaster back = MaskFiles.resizedNearest(large, 4, 2);
        assertEquals(small.countInside(), back.countInside());
        assertTrue(back.get(1, 0) && back.get(3, 1));
    }
}
