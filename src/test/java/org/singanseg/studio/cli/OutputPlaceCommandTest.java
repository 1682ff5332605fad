package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyDisks;
import org.singanseg.studio.testing.TinyModels;

/**
 * Output places that cannot be written gave exit code 1 and a stack trace, train only after its
 * first scale. Now every command checks its place before any work and answers in the words of
 * the export, with exit code 2. The tests run as root, so permission bits would not stop them:
 * /proc, /sys, a parent that is a file, and real full and read-only disks (tmpfs) are used.
 */
class OutputPlaceCommandTest {
    private static final String READ_ONLY = "the folder is read-only (or you may not write there). Choose another folder.";

    @TempDir
    Path dir;

    @Test
    void trainRefusesBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        expectRefused(train("/proc/singan-test/m.singan"), "Cannot write to /proc/singan-test (the system lets no files be made there)");
        expectRefused(train(file.resolve("m.singan").toString()), file + " is a file, not a folder");
        expectRefused(train(folder.toString(), "--force"), folder + " is a folder. Give the name of a file");
    }

    @Test
    void generateRefusesPlacesItCannotFill() throws Exception {
        Path model = model();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        expectRefused(generate(model, file), file + " is a file, not a folder");
        expectRefused(generate(model, Path.of("/proc/singan-test")), "Cannot write to /proc/singan-test (the system lets");
        expectRefused(generate(model, Path.of("/sys/singan-test")), "Cannot write to /sys/singan-test: " + READ_ONLY);
        expectRefused(generate(model, file.resolve("samples")), file + " is a file, not a folder");
    }

    @Test
    void styleAndTrainBatchRefuseToo() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        expectRefused(CliRun.of("style", "--in", dir.toString(), "--style", TestData.smallImage().toString(),
                "--method", "colour", "--out", "/proc/singan-test"), "Cannot write to /proc/singan-test (the system");
        expectRefused(CliRun.of("style", "--in", dir.toString(), "--style", TestData.smallImage().toString(),
                "--method", "colour", "--out", file.toString()), file + " is a file, not a folder");
        expectRefused(CliRun.of("train-batch", "--images", dir.toString(), "--masks", dir.toString(),
                "--out", "/proc/singan-test"), "Cannot write to /proc/singan-test (the system");
    }

    @Test
    void readOnlyDisk() throws Exception {
        Path disk = dir.resolve("read-only");
        try (TinyDisks ignored = TinyDisks.mount(disk, false)) {
            expectRefused(generate(model(), disk.resolve("samples")), "Cannot write to " + disk.resolve("samples")
                    + ": " + READ_ONLY);
            expectRefused(train(disk.resolve("m.singan").toString()), "Cannot write to " + disk + ": " + READ_ONLY);
        }
    }

    @Test
    void fullDiskBeforeAndDuringGenerate() throws Exception {
        Path model = model();
        Path disk = dir.resolve("full");
        try (TinyDisks tiny = TinyDisks.mount(disk, true)) {
            tiny.fillLeaving(0);
            expectRefused(generate(model, disk.resolve("none")), "Cannot write to " + disk.resolve("none")
                    + ": the disk is full (0 MB free). Choose another folder or free space.");
            assertFalse(Files.exists(disk.resolve("none")), "the check leaves no folder behind");

            // Room for the check and a few pairs: the PNG writer meets the full disk and wraps its error.
            Files.delete(disk.resolve("filler"));
            tiny.fillLeaving(64 * 1024);
            Path samples = disk.resolve("samples");
            CliRun run = generate(model, samples, "--count", "30");
            assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
            assertTrue(run.err().startsWith("Error: Cannot write to " + samples + ": the disk is full ("), run.err());
            List<String> listing = Files.readAllLines(samples.resolve("manifest.csv"));
            assertTrue(listing.size() > 1, "the pairs written before the disk filled are listed: " + listing);
            for (String row : listing.subList(1, listing.size())) {
                String index = row.substring(0, row.indexOf(','));
                assertTrue(Files.exists(samples.resolve(String.format("masks/%04d.png", Integer.parseInt(index)))), row);
            }

            Files.delete(disk.resolve("filler"));
            CliRun again = generate(model, samples, "--count", "30");
            assertEquals(0, again.exit(), again.err());
            assertTrue(again.out().contains("were there already"), again.out());
            assertEquals(31, Files.readAllLines(samples.resolve("manifest.csv")).size());
        }
    }

    private static void expectRefused(CliRun run, String message) {
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("Error: ") && run.err().contains(message), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.out().contains("Pyramid:"), "refused before any work: " + run.out());
    }

    private static CliRun train(String out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.smallMask().toString(), "--out", out));
        args.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        args.addAll(Arrays.asList(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun generate(Path model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--model", model.toString(), "--seed", "1", "--out",
                out.toString()));
        args.addAll(Arrays.asList(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path model() throws Exception {
        Path model = dir.resolve("m.singan");
        if (!Files.exists(model)) {
            ModelFile.save(TinyModels.trained(), model);
        }
        return model;
    }
}
