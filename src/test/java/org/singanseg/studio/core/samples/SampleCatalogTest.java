package org.singanseg.studio.core.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;

class SampleCatalogTest {
    @TempDir
    Path folder;

    /** A 300x200 pair: a horizontal grey ramp, the mask a 100x50 rectangle at (40, 30). */
    static SamplePair rampPair() {
        int w = 300;
        int h = 200;
        Planes rgb = Planes.zeros(3, h, w);
        boolean[] mask = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb.set(c, y, x, x / (float) (w - 1));
                }
                mask[y * w + x] = x >= 40 && x < 140 && y >= 30 && y < 80;
            }
        }
        return new SamplePair(rgb, mask);
    }

    private static SampleRecord write(SampleCatalog catalog, long index) throws Exception {
        return new SampleWriter(catalog, "model.singan", p -> 1.5)
                .write(rampPair(), new SampleWriter.Origin(42, index, 1, 1.0, 1.0, SampleRecord.NO_STYLE));
    }

    @Test
    void storesPairsWithTheirFiguresAndKeepsReviewsAcrossReopening() throws Exception {
        SampleCatalog catalog = SampleCatalog.open(folder);
        SampleRecord first = write(catalog, 0);
        SampleRecord second = write(catalog, 1);
        assertEquals("syn_00001", first.name());
        assertEquals("syn_00002", second.name());
        assertEquals(100 * 50 / (300.0 * 200), first.maskCoverage(), 1e-12);
        assertEquals(1, first.maskRegions());
        assertEquals(1.5, first.patchDistance());
        assertEquals(300, first.width());
        assertEquals(Review.UNREVIEWED, first.review());
        BufferedImage mask = ImageIO.read(catalog.maskFile(first.name()).toFile());
        assertEquals(0xffffffff, mask.getRGB(40, 30));
        assertEquals(0xff000000, mask.getRGB(39, 30));

        catalog.setReview(List.of(second.name(), "unknown"), Review.KEPT);
        catalog.save();
        SampleCatalog reopened = SampleCatalog.open(folder);
        assertEquals(2, reopened.size());
        assertEquals(Review.KEPT, reopened.get(second.name()).review());
        assertEquals(first, reopened.get(first.name()));
        assertEquals("syn_00003", reopened.newName());
    }

    @Test
    void dropsRecordsWhoseFilesAreGoneAndNeverReusesANumberOnDisk() throws Exception {
        SampleCatalog catalog = SampleCatalog.open(folder);
        SampleRecord first = write(catalog, 0);
        write(catalog, 1);
        SampleRecord third = write(catalog, 2);
        catalog.save();
        Files.delete(catalog.imageFile(first.name()));
        // A pair written after the last save (a crash) keeps its number.
        Files.copy(catalog.imageFile(third.name()), folder.resolve("images/syn_00007.png"));

        SampleCatalog reopened = SampleCatalog.open(folder);
        assertEquals(List.of("syn_00002", "syn_00003"), reopened.records().stream().map(SampleRecord::name).toList());
        assertEquals("syn_00008", reopened.newName());
    }

    @Test
    void deleteRemovesRecordsAndFiles() throws Exception {
        SampleCatalog catalog = SampleCatalog.open(folder);
        SampleRecord first = write(catalog, 0);
        catalog.delete(List.of(first.name()));
        assertEquals(0, catalog.size());
        assertFalse(Files.exists(catalog.imageFile(first.name())));
        assertFalse(Files.exists(catalog.maskFile(first.name())));
        assertFalse(Files.exists(catalog.thumbnailFile(first.name())));
    }

    @Test
    void aDamagedOrNewerCatalogGetsAMessage() throws Exception {
        Files.writeString(folder.resolve(SampleCatalog.FILE), "{\"formatVersion\": 1, \"samples\": [");
        InvalidInputException damaged = assertThrows(InvalidInputException.class, () -> SampleCatalog.open(folder));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());

        Files.writeString(folder.resolve(SampleCatalog.FILE), "{\"formatVersion\": 99, \"samples\": []}");
        InvalidInputException newer = assertThrows(InvalidInputException.class, () -> SampleCatalog.open(folder));
        assertTrue(newer.getMessage().contains("newer version"), newer.getMessage());
    }

    @Test
    void thumbnailsAreSmallWithTheMaskInAlpha() throws Exception {
        SamplePair pair = rampPair();
        BufferedImage thumb = Thumbnails.of(pair.rgb(), pair.mask());
        assertEquals(256, thumb.getWidth());
        assertEquals(171, thumb.getHeight());
        // Inside the rectangle (x 40..139 -> 34..119 in the thumbnail), alpha 255; outside 0.
        assertEquals(255, thumb.getRGB(70, 40) >>> 24);
        assertEquals(0, thumb.getRGB(200, 40) >>> 24);
        // The ramp survives the box filter: grey rises from left to right.
        assertTrue((thumb.getRGB(10, 100) & 0xff) < (thumb.getRGB(240, 100) & 0xff));
    }

    /** A catalog from someone else's project: its names become file paths, so one that leaves its folder is refused. */
    @Test
    void namesThatLeaveTheSamplesFolderAreRefused() throws Exception {
        SampleCatalog catalog = SampleCatalog.open(folder);
        write(catalog, 0);
        catalog.save();
        Path file = folder.resolve(SampleCatalog.FILE);
        String saved = Files.readString(file);
        Files.createDirectories(folder.resolve("slipped"));
        Files.copy(catalog.imageFile("syn_00001"), folder.resolve("slipped/x.png"));

        Files.writeString(file, saved.replace("\"syn_00001\"", "\"../slipped/x\""));
        String message = assertThrows(InvalidInputException.class, () -> SampleCatalog.open(folder)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("'../slipped/x'"), message);

        Files.writeString(file, saved.replace("\"model.singan\"", "\"../../elsewhere.singan\""));
        message = assertThrows(InvalidInputException.class, () -> SampleCatalog.open(folder)).getMessage();
        assertTrue(message.contains("'../../elsewhere.singan'"), message);

        assertThrows(IllegalArgumentException.class, () -> catalog.imageFile("../slipped/x"));
        SampleRecord odd = catalog.records().get(0);
        assertThrows(IllegalArgumentException.class, () -> catalog.add(new SampleRecord("../y", odd.model(),
                odd.seed(), odd.index(), odd.startScale(), odd.scaleH(), odd.scaleV(), odd.width(), odd.height(),
                odd.maskCoverage(), odd.maskRegions(), odd.patchDistance(), odd.style(), odd.review(), odd.created())));
    }
}
