package org.singanseg.studio.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.testing.TinyModels;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEverything() throws Exception {
        SinGanModel model = TinyModels.trained();
        Path file = dir.resolve("m.singan");
        ModelFile.save(model, file);
        SinGanModel loaded = ModelFile.load(file);
        assertEquals(model.settings(), loaded.settings());
        assertEquals(model.source(), loaded.source());
        assertEquals(model.scales().size(), loaded.scales().size());
        for (int k = 0; k < model.scales().size(); k++) {
            assertEquals(model.scales().get(k).generator(), loaded.scales().get(k).generator());
            assertEquals(model.scales().get(k).generatorStatistics(), loaded.scales().get(k).generatorStatistics());
            assertEquals(model.scales().get(k).critic(), loaded.scales().get(k).critic());
            assertEquals(model.scales().get(k).noiseAmp(), loaded.scales().get(k).noiseAmp(), 0);
            assertEquals(model.scales().get(k).losses().size(), loaded.scales().get(k).losses().size());
        }
        String json = entry(file, "model.json");
        assertTrue(json.contains("\"formatVersion\" : 2") && json.contains("\"appVersion\""), json);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void truncatedFileIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("cut.singan");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(truncated));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a SinGAN-Seg"), e.getMessage());
    }

    @Test
    void otherFilesAreNotModels() throws Exception {
        Path text = dir.resolve("notes.singan");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(InvalidModelException.class, () -> ModelFile.load(text)).getMessage()
                .contains("not a SinGAN-Seg Studio model"));
        Path zip = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(assertThrows(InvalidModelException.class, () -> ModelFile.load(zip)).getMessage()
                .contains("not a SinGAN-Seg Studio model"));
        InvalidModelException missing = assertThrows(InvalidModelException.class,
                () -> ModelFile.load(dir.resolve("none.singan")));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void anotherFormatVersionIsNamed() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        Path newer = dir.resolve("newer.singan");
        rewriteDescriptor(file, newer, "\"formatVersion\" : 2", "\"formatVersion\" : 7");
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(newer));
        assertTrue(e.getMessage().contains("format version 7") && e.getMessage().contains("Update"), e.getMessage());
    }

    @Test
    void modelOfTheFirstFormatMustBeRetrained() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        Path older = dir.resolve("older.singan");
        rewriteDescriptor(file, older, "\"formatVersion\" : 2", "\"formatVersion\" : 1");
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(older));
        assertTrue(e.getMessage().contains("older version") && e.getMessage().contains("Train the model again"),
                e.getMessage());
    }

    /** A model file from someone else: an entry that names a path outside the archive marks it as not ours. */
    @Test
    void anEntryOutsideTheArchivesFoldersIsRefused() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        Path hostile = dir.resolve("hostile.singan");
        copyWith(file, hostile, "model.json", "model.json", "../../evil.nd4j");
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(hostile));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("'../../evil.nd4j'"), e.getMessage());
    }

    private static String entry(Path zipFile, String name) throws Exception {
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    private static void rewriteDescriptor(Path from, Path to, String find, String replace) throws Exception {
        copyWith(from, to, find, replace, null);
    }

    /** Copies a model file with a text replaced in its descriptor and, unless null, one more (empty) entry. */
    private static void copyWith(Path from, Path to, String find, String replace, String extraEntry) throws Exception {
        try (InputStream in = Files.newInputStream(from); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(to); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                byte[] data = bytes.toByteArray();
                if (e.getName().equals("model.json")) {
                    data = new String(data, StandardCharsets.UTF_8).replace(find, replace).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
            }
            if (extraEntry != null) {
                z.putNextEntry(new ZipEntry(extraEntry));
            }
        }
    }
}
