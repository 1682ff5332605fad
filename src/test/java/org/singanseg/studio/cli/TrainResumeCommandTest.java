package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.Checkpoints;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

/** {@code train --resume}: continues a checkpoint of the same files and options, and says why not otherwise. */
class TrainResumeCommandTest {
    @TempDir
    Path dir;

    @Test
    void resumesItsCheckpointThenSaysItIsDone() throws Exception {
        Path model = checkpoint(dir.resolve("m.singan"));
        CliRun resumed = CliRun.of(train(model, "--resume"));
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Model saved"), resumed.out());
        assertTrue(ModelFile.load(model).complete());

        CliRun again = CliRun.of(train(model, "--resume"));
        assertEquals(UserErrors.USER_ERROR, again.exit());
        assertTrue(again.err().contains(model + " cannot be resumed. It is fully trained (2 scales). Generate samples"),
                again.err());
    }

    @Test
    void otherOptionsAreNamedAndTheCheckpointKept() throws Exception {
        Path model = checkpoint(dir.resolve("m.singan"));
        FileTime saved = Files.getLastModifiedTime(model);
        CliRun run = CliRun.of(replaced(train(model, "--resume"), "--iterations", "4"));
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("It was started with other settings: Iterations per scale 3 (now 4). Resume with "
                + "the image, mask and options it was started with"), run.err());
        assertEquals(saved, Files.getLastModifiedTime(model));
    }

    @Test
    void anotherMaskIsRefused() throws Exception {
        Path model = checkpoint(dir.resolve("m.singan"));
        Path otherMask = dir.resolve("inverted.png");
        MaskRaster mask = MaskFiles.read(TestData.smallMask());
        mask.invert();
        MaskFiles.write(mask, otherMask);
        CliRun run = CliRun.of(replaced(train(model, "--resume"), "--mask", otherMask.toString()));
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("the mask changed since this training started"), run.err());
    }

    /** What a stop after the first scale of {@code train} with the minimal options leaves. */
    private static Path checkpoint(Path file) throws Exception {
        return Checkpoints.afterOneScale(TestData.smallImage(), TestData.smallMask(), file);
    }

    private static String[] replaced(String[] args, String option, String value) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        list.set(list.indexOf(option) + 1, value);
        return list.toArray(String[]::new);
    }

    private static String[] train(Path model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.smallMask().toString(), "--out", model.toString()));
        args.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }
}
