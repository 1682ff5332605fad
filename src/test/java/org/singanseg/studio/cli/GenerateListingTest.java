package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.CliProcess;
import org.singanseg.studio.testing.TinyModels;

/**
 * generate wrote its listing only at the end: killed, interrupted or stopped by a full disk, it
 * left thousands of pairs with no listing. Now each pair is listed once written, and the same
 * command run again completes the folder, byte for byte as an uninterrupted run.
 */
class GenerateListingTest {
    @TempDir
    Path dir;

    @Test
    void killedOrInterruptedRunsKeepEveryFinishedPairListedAndARerunCompletesThem() throws Exception {
        Path model = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), model);
        for (String signal : List.of("KILL", "TERM")) {
            Path out = dir.resolve("samples-" + signal);
            Process run = CliProcess.start(dir.resolve(signal + ".log"), Map.of(), args(model, out, 5000));
            waitForPairs(run, out, 20);
            if (signal.equals("KILL")) {
                run.destroyForcibly();
            } else {
                run.destroy();
            }
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the process ends");

            Set<Integer> onDisk = pairsOnDisk(out);
            List<List<String>> rows = rows(out);
            Set<Integer> listed = new HashSet<>();
            rows.forEach(row -> listed.add(Integer.parseInt(row.get(0))));
            assertTrue(onDisk.containsAll(listed), signal + ": every listed pair is on disk");
            onDisk.removeAll(listed);
            assertTrue(onDisk.size() <= 1, signal + ": at most the pair being written is unlisted: " + onDisk);

            // A row cut short (a kill in the middle of a write) is dropped; the rerun lists each pair once.
            Files.writeString(out.resolve("manifest.csv"), "9999,images/9999", java.nio.file.StandardOpenOption.APPEND);
            int count = listed.size() + 5;
            CliRun rerun = CliRun.of(args(model, out, count).toArray(String[]::new));
            assertEquals(0, rerun.exit(), rerun.err());
            assertTrue(rerun.out().contains("were there already"), rerun.out());
            assertCompleteAndAsUninterrupted(model, out, count);
        }
    }

    @Test
    void aRerunWithOtherSettingsIsRefusedNotMixed() throws Exception {
        Path model = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), model);
        Path out = dir.resolve("samples");
        assertEquals(0, CliRun.of(args(model, out, 2).toArray(String[]::new)).exit());
        List<String> otherSeed = new ArrayList<>(args(model, out, 4));
        otherSeed.set(otherSeed.indexOf("--seed") + 1, "6");
        CliRun refused = CliRun.of(otherSeed.toArray(String[]::new));
        assertEquals(UserErrors.USER_ERROR, refused.exit(), refused.out());
        assertTrue(refused.err().contains("already holds pairs made with other settings (seed 5"), refused.err());
        assertEquals(3, rows(out).size() + 1, "the listing is untouched");
    }

    private void assertCompleteAndAsUninterrupted(Path model, Path out, int count) throws Exception {
        Path reference = dir.resolve("reference-" + out.getFileName());
        assertEquals(0, CliRun.of(args(model, reference, count).toArray(String[]::new)).exit());
        List<List<String>> rows = rows(out);
        assertEquals(count, rows.size(), "each pair listed once");
        assertEquals(new HashSet<>(rows(reference)), new HashSet<>(rows));
        for (int i = 0; i < count; i++) {
            for (String folder : List.of("images", "masks")) {
                String name = String.format("%s/%04d.png", folder, i);
                assertArrayEquals(Files.readAllBytes(reference.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
            }
        }
    }

    private static List<String> args(Path model, Path out, int count) {
        return List.of("generate", "--model", model.toString(), "--count", Integer.toString(count), "--seed", "5",
                "--out", out.toString());
    }

    private static void waitForPairs(Process run, Path out, int pairs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (pairsOnDisk(out).size() < pairs) {
            assertTrue(run.isAlive(), "generate ended before it was stopped");
            assertTrue(System.nanoTime() < deadline, "no pairs within 2 minutes");
            Thread.sleep(20);
        }
    }

    private static Set<Integer> pairsOnDisk(Path out) throws Exception {
        Set<Integer> pairs = new HashSet<>();
        if (!Files.isDirectory(out.resolve("masks"))) {
            return pairs;
        }
        try (Stream<Path> files = Files.list(out.resolve("masks"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{4}\\.png"))
                    .map(n -> Integer.parseInt(n.substring(0, 4)))
                    .filter(i -> Files.exists(out.resolve(String.format("images/%04d.png", i))))
                    .forEach(pairs::add);
        }
        return pairs;
    }

    /** The listing's rows, header left out. */
    private static List<List<String>> rows(Path out) throws Exception {
        String text = Files.readString(out.resolve("manifest.csv"));
        List<List<String>> rows = CsvTable.parse(text.substring(0, text.lastIndexOf('\n') + 1));
        return rows.subList(1, rows.size());
    }
}
