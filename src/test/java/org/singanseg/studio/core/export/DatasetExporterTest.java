package org.singanseg.studio.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.testing.SampleProjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Exports of hand-made samples: layout, files, manifest, descriptor, and the all-or-nothing rules. */
class DatasetExporterTest {
    private static final ExportOptions ALL = new ExportOptions(false, false, false, false);
    private static final DatasetExporter.Progress QUIET = (done, total) -> { };

    @TempDir
    Path dir;
    Path exports;
    Project project;
    SampleCatalog catalog;

    @BeforeEach
    void makeProject() throws Exception {
        project = SampleProjects.create(dir.resolve("project"), 5);
        catalog = SampleCatalog.open(project.samplesFolder());
        exports = Files.createDirectory(dir.resolve("exports"));
    }

    @Test
    void writesImagesBinaryMasksManifestAndDescriptor() throws Exception {
        List<int[]> progress = new ArrayList<>();
        ExportSummary summary = exporter().export(exports.resolve("set"), ALL,
                (done, total) -> progress.add(new int[]{done, total}), () -> false);

        Path set = exports.resolve("set");
        assertEquals(set, summary.target());
        assertEquals(5, summary.pairs());
        assertFalse(summary.realIncluded());
        assertEquals(List.of("dataset.json", "images", "manifest.csv", "masks"), names(set));
        assertEquals(List.of("set"), names(exports), "no staging folder is left");
        assertEquals(5, progress.size());
        assertArrayEquals(new int[]{5, 5}, progress.get(4));

        List<String> expected = catalog.records().stream().map(SampleRecord::fileName).toList();
        assertEquals(expected, names(set.resolve("images")));
        assertEquals(expected, names(set.resolve("masks")));
        long bytes = Files.size(set.resolve("manifest.csv")) + Files.size(set.resolve("dataset.json"));
        for (SampleRecord r : catalog.records()) {
            Path mask = set.resolve("masks").resolve(r.fileName());
            assertBinary(ImageIO.read(mask.toFile()));
            assertArrayEquals(Files.readAllBytes(catalog.maskFile(r.name())), Files.readAllBytes(mask));
            assertArrayEquals(Files.readAllBytes(catalog.imageFile(r.name())),
                    Files.readAllBytes(set.resolve("images").resolve(r.fileName())));
            bytes += Files.size(mask) + Files.size(set.resolve("images").resolve(r.fileName()));
        }
        assertEquals(bytes, summary.bytes());

        List<List<String>> rows = csv(Files.readString(set.resolve("manifest.csv")));
        assertEquals(Manifest.COLUMNS, rows.get(0));
        assertEquals(6, rows.size());
        for (int i = 0; i < 5; i++) {
            assertRow(catalog.records().get(i), rows.get(i + 1));
        }
        assertEquals(SampleProjects.ODD_STYLE, rows.get(2).get(Manifest.COLUMNS.indexOf("style")), "quoted cell");

        JsonNode json = new ObjectMapper().readTree(set.resolve("dataset.json").toFile());
        assertEquals(DatasetDescriptor.FORMAT, json.path("format").asText());
        assertEquals(5, json.path("count").asInt());
        assertEquals(project.name(), json.path("project").asText());
        assertEquals(FileHash.sha256(project.imageFile()), json.path("sourceImage").path("sha256").asText());
        assertFalse(json.has("sourceCredit"), "the user's own image has no credit line");
        assertFalse(json.path("options").path("keptOnly").asBoolean());
        JsonNode model = json.path("models").get(0);
        assertEquals(SampleProjects.MODEL, model.path("file").asText());
        assertTrue(model.path("available").asBoolean());
        assertEquals("quick", model.path("settings").path("preset").asText());
        assertEquals(3, model.path("scales").asInt());
        assertTrue(model.path("sourceMatchesProjectImage").asBoolean());
        assertTrue(json.path("citation").asText().contains("SinGAN-Seg") && json.path("citation").asText()
                .contains("e0267976"));
        assertFalse(Files.readString(set.resolve("dataset.json")).contains(dir.toString()), "no local paths");
    }

    @Test
    void rejectedPairsAreNeverExported() throws Exception {
        List<SampleRecord> records = catalog.records();
        catalog.setReview(List.of(records.get(1).name()), Review.REJECTED);
        catalog.save();
        catalog = SampleCatalog.open(project.samplesFolder());

        ExportSummary summary = exporter().export(exports.resolve("all"), new ExportOptions(false, false, false, false),
                QUIET, () -> false);
        assertEquals(records.size() - 1, summary.pairs());
        assertFalse(names(summary.target().resolve("images")).contains(records.get(1).fileName()));
    }

    @Test
    void keptOnlyWithTheRealPairAndItsCredit() throws Exception {
        List<SampleRecord> records = catalog.records();
        catalog.setReview(List.of(records.get(0).name(), records.get(3).name()), Review.KEPT);
        catalog.setReview(List.of(records.get(1).name()), Review.REJECTED);
        catalog.save();
        project = ProjectStore.saveSourceCredit(project, "PolypGen, CC BY 4.0");
        catalog = SampleCatalog.open(project.samplesFolder());

        ExportSummary summary = exporter().export(exports.resolve("kept"), new ExportOptions(true, true, false, false),
                QUIET, () -> false);

        Path set = summary.target();
        assertEquals(2, summary.pairs());
        assertTrue(summary.realIncluded());
        List<String> images = List.of(DatasetExporter.REAL_NAME, records.get(0).fileName(),
                records.get(3).fileName());
        assertEquals(images.stream().sorted().toList(), names(set.resolve("images")));
        assertEquals(images.stream().sorted().toList(), names(set.resolve("masks")));
        assertArrayEquals(Files.readAllBytes(project.imageFile()),
                Files.readAllBytes(set.resolve("images").resolve(DatasetExporter.REAL_NAME)));
        BufferedImage realMask = ImageIO.read(set.resolve("masks").resolve(DatasetExporter.REAL_NAME).toFile());
        assertBinary(realMask);
        assertEquals(project.width(), realMask.getWidth());

        List<List<String>> rows = csv(Files.readString(set.resolve("manifest.csv")));
        assertEquals(4, rows.size());
        List<String> real = rows.get(1);
        assertEquals(List.of("images/real.png", "masks/real.png", Manifest.REAL), real.subList(0, 3));
        MaskFigures figures = MaskFigures.of(ProjectStore.loadMask(project));
        assertEquals(figures.coverage(), Double.parseDouble(cell(real, "mask_area")), 1e-6);
        assertEquals(figures.regions(), Integer.parseInt(cell(real, "mask_regions")));
        assertEquals("", cell(real, "seed"));
        assertRow(catalog.get(records.get(0).name()), rows.get(2));
        assertEquals("kept", cell(rows.get(3), "review"));

        JsonNode json = new ObjectMapper().readTree(set.resolve("dataset.json").toFile());
        assertEquals("PolypGen, CC BY 4.0", json.path("sourceCredit").asText());
        assertTrue(json.path("realPair").asBoolean());
        assertTrue(json.path("options").path("keptOnly").asBoolean());
    }

    @Test
    void zipHoldsTheSameFilesAsTheFolder() throws Exception {
        ExportOptions folder = new ExportOptions(false, true, false, false);
        ExportOptions zip = new ExportOptions(false, true, true, false);
        assertEquals(exports.resolve("set.zip"), DatasetExporter.target(exports.resolve("set"), zip));
        assertEquals(exports.resolve("a.ZIP"), DatasetExporter.target(exports.resolve("a.ZIP"), zip));
        Path set = exporter().export(exports.resolve("set"), folder, QUIET, () -> false).target();
        ExportSummary summary = exporter().export(exports.resolve("set"), zip, QUIET, () -> false);

        assertEquals(exports.resolve("set.zip"), summary.target());
        assertEquals(Files.size(summary.target()), summary.bytes());
        assertEquals(List.of("set", "set.zip"), names(exports));
        Map<String, byte[]> entries = zipEntries(summary.target());
        Map<String, byte[]> files = files(set);
        assertEquals(files.keySet(), entries.keySet());
        assertEquals(14, entries.size());
        for (String name : files.keySet()) {
            if (!name.equals(DatasetDescriptor.FILE)) {
                assertArrayEquals(files.get(name), entries.get(name), name);
            }
        }
        JsonNode json = new ObjectMapper().readTree(entries.get(DatasetDescriptor.FILE));
        assertTrue(json.path("options").path("zip").asBoolean());
    }

    @Test
    void anExistingTargetIsKeptUnlessOverwriteIsAsked() throws Exception {
        Path set = Files.createDirectory(exports.resolve("set"));
        Files.writeString(set.resolve("keep.txt"), "mine");
        ExportTargetExistsException exists = assertThrows(ExportTargetExistsException.class,
                () -> exporter().export(set, ALL, QUIET, () -> false));
        assertEquals(set, exists.target());
        assertTrue(exists.getMessage().contains(set.toString()), exists.getMessage());
        assertEquals(List.of("keep.txt"), names(set));
        assertEquals(List.of("set"), names(exports));

        exporter().export(set, ALL.withOverwrite(), QUIET, () -> false);
        assertEquals(List.of("dataset.json", "images", "manifest.csv", "masks"), names(set));
        assertEquals(List.of("set"), names(exports), "the old folder is gone, no staging left");

        ExportOptions zip = new ExportOptions(false, false, true, false);
        Path archive = Files.writeString(exports.resolve("set.zip"), "old");
        assertThrows(ExportTargetExistsException.class, () -> exporter().export(archive, zip, QUIET, () -> false));
        assertEquals("old", Files.readString(archive));
        exporter().export(archive, zip.withOverwrite(), QUIET, () -> false);
        assertEquals(12, zipEntries(archive).size());

        Path empty = Files.createDirectory(exports.resolve("empty"));
        assertEquals(5, exporter().export(empty, ALL, QUIET, () -> false).pairs(), "an empty folder is used");
    }

    @Test
    void cancelAfterTwoPairsLeavesNothingAndKeepsTheOldTarget() throws Exception {
        AtomicInteger written = new AtomicInteger();
        DatasetExporter.Progress count = (done, total) -> written.set(done);
        assertThrows(CancellationException.class,
                () -> exporter().export(exports.resolve("set"), ALL, count, () -> written.get() >= 2));
        assertEquals(2, written.get());
        assertEquals(List.of(), names(exports));

        Path old = Files.createDirectory(exports.resolve("old"));
        Files.writeString(old.resolve("keep.txt"), "mine");
        written.set(0);
        assertThrows(CancellationException.class, () -> exporter().export(old,
                new ExportOptions(false, false, true, true), count, () -> written.get() >= 2));
        assertThrows(CancellationException.class,
                () -> exporter().export(old, ALL.withOverwrite(), count, () -> written.get() >= 2));
        assertEquals(List.of("old"), names(exports));
        assertEquals(List.of("keep.txt"), names(old));
    }

    @Test
    void aReadOnlyFolderGetsAMessageAndNoLeftovers() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(exports.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (boolean zip : new boolean[]{false, true}) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> exporter()
                        .export(locked.resolve("set"), new ExportOptions(false, true, zip, false), QUIET, () -> false));
                assertTrue(e.getMessage().startsWith("Cannot write to " + locked + ": the folder is read-only"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("Choose another folder"), e.getMessage());
                assertEquals(List.of(), names(locked));
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Root may write to any permission-locked folder; sysfs refuses new folders even to root. */
    @Test
    void aFolderThatRefusesEvenRootGetsAMessage() throws Exception {
        Path refusing = Path.of("/sys");
        Assumptions.assumeTrue(Files.isDirectory(refusing) && !canMakeFolderIn(refusing), "no refusing folder here");
        for (boolean zip : new boolean[]{false, true}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> exporter()
                    .export(refusing.resolve("singan-export"), new ExportOptions(false, false, zip, false), QUIET, () -> false));
            assertTrue(e.getMessage().startsWith("Cannot write to /sys"), e.getMessage());
            assertTrue(e.getMessage().contains("Choose another folder"), e.getMessage());
        }
    }

    private static boolean canMakeFolderIn(Path folder) {
        try {
            Files.delete(Files.createDirectory(folder.resolve("singan-probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aStoredMaskThatIsNotBinaryIsThresholded() throws Exception {
        SampleRecord first = catalog.records().get(0);
        BufferedImage grey = new BufferedImage(first.width(), first.height(), BufferedImage.TYPE_INT_RGB);
        grey.setRGB(0, 0, 0xc8c8c8);
        grey.setRGB(1, 0, 0x404040);
        ImageIO.write(grey, "png", catalog.maskFile(first.name()).toFile());

        Path set = exporter().export(exports.resolve("set"), ALL, QUIET, () -> false).target();
        BufferedImage mask = ImageIO.read(set.resolve("masks").resolve(first.fileName()).toFile());
        assertBinary(mask);
        assertEquals(255, mask.getRaster().getSample(0, 0, 0));
        assertEquals(0, mask.getRaster().getSample(1, 0, 0));
    }

    @Test
    void whatCannotBeExportedIsSaid() throws Exception {
        InvalidInputException inside = assertThrows(InvalidInputException.class,
                () -> exporter().export(project.samplesFolder(), ALL.withOverwrite(), QUIET, () -> false));
        assertTrue(inside.getMessage().contains("part of the project"), inside.getMessage());
        assertThrows(InvalidInputException.class,
                () -> exporter().export(project.folder().getParent(), ALL.withOverwrite(), QUIET, () -> false));
        assertTrue(Files.isDirectory(project.samplesFolder().resolve("images")));
        assertEquals(5, exporter().export(project.exportsFolder().resolve("set"), ALL, QUIET, () -> false).pairs());

        InvalidInputException noneKept = assertThrows(InvalidInputException.class, () -> exporter()
                .export(exports.resolve("kept"), new ExportOptions(true, false, false, false), QUIET, () -> false));
        assertTrue(noneKept.getMessage().contains("marked as kept"), noneKept.getMessage());
        assertEquals(List.of(), names(exports));
    }

    @Test
    void aDeletedModelIsNotedInTheDescriptor() throws Exception {
        Files.delete(project.modelsFolder().resolve(SampleProjects.MODEL));
        Path set = exporter().export(exports.resolve("set"), ALL, QUIET, () -> false).target();
        JsonNode model = new ObjectMapper().readTree(set.resolve("dataset.json").toFile()).path("models").get(0);
        assertEquals(SampleProjects.MODEL, model.path("file").asText());
        assertFalse(model.path("available").asBoolean());
        assertTrue(model.path("note").asText().contains("no longer in the project"), model.toString());
        assertFalse(model.has("settings"));
    }

    private DatasetExporter exporter() {
        return new DatasetExporter(project, catalog);
    }

    private static void assertRow(SampleRecord r, List<String> row) {
        assertEquals("images/" + r.fileName(), cell(row, "image"));
        assertEquals("masks/" + r.fileName(), cell(row, "mask"));
        assertEquals(Manifest.SYNTHETIC, cell(row, "kind"));
        assertEquals(r.seed(), Long.parseLong(cell(row, "seed")));
        assertEquals(r.index(), Long.parseLong(cell(row, "index")));
        assertEquals(r.startScale(), Integer.parseInt(cell(row, "start_scale")));
        assertEquals(r.scaleH(), Double.parseDouble(cell(row, "scale_h")), 1e-6);
        assertEquals(r.scaleV(), Double.parseDouble(cell(row, "scale_v")), 1e-6);
        assertEquals(r.width(), Integer.parseInt(cell(row, "width")));
        assertEquals(r.height(), Integer.parseInt(cell(row, "height")));
        assertEquals(r.maskCoverage(), Double.parseDouble(cell(row, "mask_area")), 1e-6);
        assertEquals(r.maskRegions(), Integer.parseInt(cell(row, "mask_regions")));
        assertEquals(r.patchDistance(), Double.parseDouble(cell(row, "patch_distance")), 1e-6);
        assertEquals(r.style(), cell(row, "style"));
        assertEquals(r.review().name().toLowerCase(Locale.ROOT), cell(row, "review"));
        assertEquals(r.model(), cell(row, "model"));
    }

    private static String cell(List<String> row, String column) {
        return row.get(Manifest.COLUMNS.indexOf(column));
    }

    private static void assertBinary(BufferedImage mask) {
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType());
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int v = mask.getRaster().getSample(x, y, 0);
                assertTrue(v == 0 || v == 255, "binary mask");
            }
        }
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return rows;
    }

    /** Names in a folder, sorted, hidden ones included. */
    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Map<String, byte[]> zipEntries(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        return entries;
    }
}
