package org.singanseg.studio.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.ScaleNets;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.TrainedScale;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.nn.Sequential;
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

    /** Without the batch-norm setting the coarsest scale keeps batch norm (and its statistics), the others have none. */
    @Test
    void aModelWithBatchNormAtTheCoarsestScaleOnlyComesBackAsSaved() throws Exception {
        TrainingPair pair = TinyModels.pair();
        TrainingSettings settings = TinyModels.minimal().toBuilder().batchNorm(false).build();
        SinGanModel model = new Trainer(settings, new TrainingListener() { }, () -> false)
                .train(pair, TinyModels.source(pair), null, m -> { });
        assertTrue(model.scales().size() >= 2);
        SinGanModel loaded = savedAndLoaded(model, "coarsest.singan");
        assertEquals(settings, loaded.settings());
        for (int k = 0; k < model.scales().size(); k++) {
            TrainedScale scale = loaded.scales().get(k);
            boolean batchNorm = k == 0;
            assertEquals(batchNorm, scale.batchNorm(), "scale " + k);
            assertEquals(ScaleNets.parameterCount(scale.networkWidth(), false, batchNorm), scale.generator().length());
            assertEquals(ScaleNets.runningStatisticsCount(scale.networkWidth(), batchNorm),
                    scale.generatorStatistics().length());
            assertEquals(model.scales().get(k).generator(), scale.generator());
        }
        assertSameReconstruction(model, loaded);
    }

    /** The previous version's models without batch norm had none at the coarsest scale either: the file tells. */
    @Test
    void aModelWithoutBatchNormAtAnyScaleStillLoads() throws Exception {
        SinGanModel trained = TinyModels.trained();
        List<TrainedScale> plain = new ArrayList<>();
        Random init = new Random(3);
        for (TrainedScale s : trained.scales()) {
            Sequential generator = ScaleNets.generator(DataType.FLOAT, 4, s.networkWidth(), false);
            Sequential critic = ScaleNets.critic(DataType.FLOAT, 4, s.networkWidth(), false);
            generator.initialise(init);
            critic.initialise(init);
            plain.add(new TrainedScale(s.height(), s.width(), s.networkWidth(), s.noiseAmp(), generator.parameters(),
                    Nd4j.empty(DataType.FLOAT), critic.parameters(), s.reconstructionNoise(), s.losses()));
        }
        SinGanModel model = new SinGanModel(trained.settings().toBuilder().batchNorm(false).build(),
                trained.pyramid(), trained.source(), plain);
        SinGanModel loaded = savedAndLoaded(model, "plain.singan");
        assertTrue(loaded.scales().stream().noneMatch(TrainedScale::batchNorm));
        assertSameReconstruction(model, loaded);
    }

    private SinGanModel savedAndLoaded(SinGanModel model, String name) throws Exception {
        Path file = dir.resolve(name);
        ModelFile.save(model, file);
        return ModelFile.load(file);
    }

    private static void assertSameReconstruction(SinGanModel model, SinGanModel loaded) {
        Planes original = new Sampler(model).reconstruction();
        Planes reloaded = new Sampler(loaded).reconstruction();
        assertArrayEquals(original.plane(0), reloaded.plane(0), 0f);
    }

    /** Models saved before batch norm was a setting were trained with it. */
    @Test
    void aDescriptionWithoutTheBatchNormSettingHasBatchNorm() throws Exception {
        Path older = savedWithDescriptorChange("\"batchNorm\" : true,", "");
        assertFalse(entry(older, "model.json").contains("batchNorm"));
        SinGanModel loaded = ModelFile.load(older);
        assertTrue(loaded.settings().batchNorm());
        assertEquals(TinyModels.trained().settings(), loaded.settings());
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
        Path newer = savedWithDescriptorChange("\"formatVersion\" : 2", "\"formatVersion\" : 7");
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(newer));
        assertTrue(e.getMessage().contains("format version 7") && e.getMessage().contains("Update"), e.getMessage());
    }

    @Test
    void modelOfTheFirstFormatMustBeRetrained() throws Exception {
        Path older = savedWithDescriptorChange("\"formatVersion\" : 2", "\"formatVersion\" : 1");
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

    /** The crafted file of issue 20: 3.5 MB whose critic claims, and inflates to, 3 GiB. */
    @Test
    void anEntryLargerThanItsDescriptionAllowsIsRefusedBeforeReading() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        Path crafted = dir.resolve("crafted.singan");
        craftedCopy(file, crafted, "scales/00/critic.nd4j", zip -> zip.zeros("scales/00/critic.nd4j", 3072, 3L << 30));
        assertTrue(Files.size(crafted) < 5_000_000, "a few MB on disk");
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(crafted));
        assertTrue(e.getMessage().contains("is damaged (scales/00/critic.nd4j claims 3072.0 MB"), e.getMessage());
    }

    /** The same with a directory that lies (a few bytes): reading stops at what the description allows. */
    @Test
    void anEntryThatInflatesBeyondWhatItClaimsIsRefused() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        Path crafted = dir.resolve("lying.singan");
        craftedCopy(file, crafted, "scales/00/critic.nd4j", zip -> zip.zeros("scales/00/critic.nd4j", 3072, 641));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(crafted));
        assertTrue(e.getMessage().contains("is damaged (scales/00/critic.nd4j holds more than"), e.getMessage());
    }

    /** ND4J allocates what an array's header claims before it reads: the claim must fit in the entry. */
    @Test
    void anArrayHeaderClaimingBillionsOfValuesIsRefused() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        byte[] critic = entryBytes(file, "scales/00/critic.nd4j");
        ByteBuffer header = ByteBuffer.wrap(critic);
        // Shape buffer: mode (UTF), length, type (UTF), values; then the data buffer's mode and length.
        int at = skipUtf(header, 0);
        long shapeLength = header.getLong(at);
        at = skipUtf(header, at + 8);
        at += (int) shapeLength * 8;
        at = skipUtf(header, at);
        header.putLong(at, 3_000_000_000L);
        Path crafted = dir.resolve("claims.singan");
        craftedCopy(file, crafted, "scales/00/critic.nd4j", zip -> zip.stored("scales/00/critic.nd4j", critic));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelFile.load(crafted));
        assertTrue(e.getMessage().contains("is damaged (the weights of scale 0 cannot be read"), e.getMessage());
    }

    /** Cut before its central directory, every entry is still there; yet it is a damaged copy, for every reader. */
    @Test
    void aZipWithoutItsTailIsDamagedForLoadAndDescribeAlike() throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer end = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int directoryStart = end.getInt(bytes.length - 22 + 16);
        Path cut = dir.resolve("tail-less.singan");
        Files.write(cut, java.util.Arrays.copyOf(bytes, directoryStart));
        InvalidModelException loading = assertThrows(InvalidModelException.class, () -> ModelFile.load(cut));
        InvalidModelException describing = assertThrows(InvalidModelException.class, () -> ModelFile.describe(cut));
        assertEquals(loading.getMessage(), describing.getMessage());
        assertTrue(loading.getMessage().contains("is damaged (it is not a complete zip archive)"), loading.getMessage());
    }

    private static int skipUtf(ByteBuffer bytes, int at) {
        return at + 2 + (bytes.getShort(at) & 0xffff);
    }

    /** Copies a model file entry by entry as a crafted zip, with one entry replaced. */
    private static void craftedCopy(Path from, Path to, String replaced,
                                    java.util.function.Consumer<CraftedZip> replacement) throws Exception {
        CraftedZip zip = new CraftedZip();
        try (InputStream in = Files.newInputStream(from); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = entries.getNextEntry()) != null) {
                if (e.getName().equals(replaced)) {
                    replacement.accept(zip);
                } else {
                    zip.stored(e.getName(), entries.readAllBytes());
                }
            }
        }
        zip.write(to);
    }

    private static byte[] entryBytes(Path zipFile, String name) throws Exception {
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name);
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

    /** The shared tiny model saved, then copied with a text replaced in its descriptor. */
    private Path savedWithDescriptorChange(String find, String replace) throws Exception {
        Path file = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), file);
        Path changed = dir.resolve("changed.singan");
        copyWith(file, changed, find, replace, null);
        return changed;
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
