package org.singanseg.studio.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.testing.TestData;

class ProjectStoreTest {

    @Test
    void newProjectFromARealJpegStoresAn8BitRgbPngAndAnEmptyMask(@TempDir Path dir) throws Exception {
        Path folder = ProjectStore.newFolder(dir, TestData.smallImage());
        ProjectStore.Created created = ProjectStore.create(TestData.smallImage(), folder);
        Project project = created.project();
        assertFalse(created.maskFromAlpha());
        assertEquals(0, created.mask().countInside());

        Planes original = ImageFiles.read(TestData.smallImage());
        BufferedImage stored = ImageIO.read(project.imageFile().toFile());
        assertEquals(original.width(), stored.getWidth());
        assertEquals(original.height(), stored.getHeight());
        int rgb = stored.getRGB(100, 80);
        assertEquals(Math.round(original.get(0, 80, 100) * 255), (rgb >> 16) & 0xff);
        assertEquals(Math.round(original.get(2, 80, 100) * 255), rgb & 0xff);

        Project reopened = ProjectStore.open(folder);
        assertEquals(project.name(), reopened.name());
        assertEquals(original.width(), reopened.width());
        assertEquals(TestData.smallImage().getFileName().toString(), reopened.sourceFileName());
        assertEquals(0, ProjectStore.loadMask(reopened).countInside());
        assertEquals(reopened, ProjectStore.open(folder.resolve(Project.DESCRIPTOR)), "the descriptor opens it too");
    }

    @Test
    void savedMaskComesBackAndFoldersGetUniqueNames(@TempDir Path dir) throws Exception {
        Path first = ProjectStore.newFolder(dir, TestData.smallImage());
        Project project = ProjectStore.create(TestData.smallImage(), first).project();
        MaskRaster mask = MaskFiles.read(TestData.smallMask());
        ProjectStore.saveMask(project, mask);
        assertEquals(mask.countInside(), ProjectStore.loadMask(ProjectStore.open(first)).countInside());

        Path second = ProjectStore.newFolder(dir, TestData.smallImage());
        assertEquals(first.getFileName() + " 2", second.getFileName().toString());
        try (var files = Files.list(first)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no temporary files left");
        }
    }

    @Test
    void rgbaImageBringsItsAlphaAsTheMask(@TempDir Path dir) throws Exception {
        BufferedImage rgba = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int alpha = x >= 10 && x < 20 && y >= 5 && y < 15 ? 255 : 0;
                rgba.setRGB(x, y, (alpha << 24) | 0x804020);
            }
        }
        Path file = dir.resolve("singan-seg-input.png");
        ImageIO.write(rgba, "png", file.toFile());
        ProjectStore.Created created = ProjectStore.create(file, dir.resolve("p"));
        assertTrue(created.maskFromAlpha());
        assertEquals(100, created.mask().countInside());
        assertEquals(100, ProjectStore.loadMask(created.project()).countInside());
        BufferedImage stored = ImageIO.read(created.project().imageFile().toFile());
        assertFalse(stored.getColorModel().hasAlpha());
        assertEquals(0x804020, stored.getRGB(0, 0) & 0xffffff, "colour kept where alpha was 0");
    }

    @Test
    void sixteenBitGreyImageBecomesRgb(@TempDir Path dir) throws Exception {
        BufferedImage grey16 = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = grey16.getRaster();
        raster.setSample(3, 4, 0, 65535);
        raster.setSample(5, 4, 0, 32768);
        Path file = dir.resolve("grey16.png");
        ImageIO.write(grey16, "png", file.toFile());
        Project project = ProjectStore.create(file, dir.resolve("g")).project();
        BufferedImage stored = ImageIO.read(project.imageFile().toFile());
        assertEquals(0xffffff, stored.getRGB(3, 4) & 0xffffff);
        assertEquals(0x808080, stored.getRGB(5, 4) & 0xffffff);
    }

    @Test
    void badInputGetsMessagesThatSayWhatToDo(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        String notImage = assertThrows(InvalidInputException.class, () -> ProjectStore.create(text, dir.resolve("a"))).getMessage();
        assertTrue(notImage.contains("notes.png") && notImage.contains("PNG"), notImage);
        assertFalse(Files.exists(dir.resolve("a")), "no project folder is left for a refused image");

        BufferedImage tiny = new BufferedImage(20, 100, BufferedImage.TYPE_INT_RGB);
        Path tinyFile = dir.resolve("tiny.png");
        ImageIO.write(tiny, "png", tinyFile.toFile());
        assertTrue(assertThrows(InvalidInputException.class, () -> ProjectStore.create(tinyFile, dir.resolve("b")))
                .getMessage().contains("at least 25 pixels"));

        Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("other.txt"), "x");
        assertTrue(assertThrows(InvalidInputException.class, () -> ProjectStore.create(TestData.smallImage(), occupied))
                .getMessage().contains("not empty"));

        assertTrue(assertThrows(InvalidInputException.class, () -> ProjectStore.open(dir))
                .getMessage().contains("is not a SinGAN-Seg Studio project"));

        Path damaged = Files.createDirectories(dir.resolve("damaged"));
        Files.writeString(damaged.resolve(Project.DESCRIPTOR), "{\"format\": ");
        assertTrue(assertThrows(InvalidInputException.class, () -> ProjectStore.open(damaged))
                .getMessage().contains("damaged"));

        Path future = ProjectStore.create(TestData.smallImage(), dir.resolve("future")).project().folder();
        Path descriptor = future.resolve(Project.DESCRIPTOR);
        Files.writeString(descriptor, Files.readString(descriptor).replace("\"version\" : 1", "\"version\" : 7"));
        String message = assertThrows(InvalidInputException.class, () -> ProjectStore.open(future)).getMessage();
        assertTrue(message.contains("format version 7") && message.contains("newer version"), message);
    }

    /** A project folder from someone else: its name becomes part of export paths, so it must be a plain name. */
    @Test
    void aProjectNameThatIsNotAPlainNameIsRefused(@TempDir Path dir) throws Exception {
        Path folder = ProjectStore.create(TestData.smallImage(), dir.resolve("p")).project().folder();
        Path descriptor = folder.resolve(Project.DESCRIPTOR);
        Files.writeString(descriptor, Files.readString(descriptor).replace("\"name\" : \"p\"",
                "\"name\" : \"../../slipped\""));
        String message = assertThrows(InvalidInputException.class, () -> ProjectStore.open(folder)).getMessage();
        assertTrue(message.contains(descriptor.toString()) && message.contains("'../../slipped'"), message);
    }

    @Test
    void aMaskFileOfAnotherSizeIsRefusedWithBothSizes(@TempDir Path dir) throws Exception {
        Project project = ProjectStore.create(TestData.smallImage(), dir.resolve("p")).project();
        MaskFiles.write(new MaskRaster(50, 40), project.maskFile());
        String message = assertThrows(InvalidInputException.class, () -> ProjectStore.loadMask(project)).getMessage();
        assertTrue(message.contains("50x40") && message.contains(project.width() + "x" + project.height()), message);
    }
}
