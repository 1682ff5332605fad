package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.BatchData;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

/**
 * A model file cut before its zip directory (every entry still there) was used by generate and
 * train --resume, yet called damaged by train-batch: one loader, one verdict.
 */
class DamagedModelVerdictTest {
    private static final String DAMAGED = "is damaged (it is not a complete zip archive)";

    @TempDir
    Path dir;

    @Test
    void generateRefusesIt() throws Exception {
        Path model = tailLess(dir.resolve("m.singan"));
        Path out = dir.resolve("samples");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--count", "1", "--out", out.toString());
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(DAMAGED), run.err());
        assertTrue(!Files.exists(out), "no output folder");
    }

    @Test
    void trainResumeRefusesIt() throws Exception {
        Path model = tailLess(dir.resolve("m.singan"));
        List<String> args = new ArrayList<>(List.of("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.smallMask().toString(), "--out", model.toString(), "--resume"));
        args.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(DAMAGED), run.err());
    }

    @Test
    void trainBatchSkipsItWithTheSameWords() throws Exception {
        BatchData.Folders in = BatchData.create(dir);
        Path out = dir.resolve("dataset");
        tailLess(out.resolve("models").resolve("a.singan"));
        List<String> args = new ArrayList<>(List.of("train-batch", "--images", in.images().toString(), "--masks",
                in.masks().toString(), "--out", out.toString(), "--shard", "0/4", "--samples-per-image", "1"));
        args.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertTrue(run.out().contains("a: The model file a.singan " + DAMAGED), run.out() + run.err());
    }

    /** A trained model saved at file, then cut where its central directory starts. */
    private static Path tailLess(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ModelFile.save(TinyModels.trained(), file);
        byte[] bytes = Files.readAllBytes(file);
        int directoryStart = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 22 + 16);
        Files.write(file, Arrays.copyOf(bytes, directoryStart));
        return file;
    }
}
