package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.batch.BatchManifest;
import org.singanseg.studio.core.batch.PairSeeds;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.testing.BatchData;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

/** train-batch end to end: real folders in, models, samples and manifest out; shards; exit codes. */
class TrainBatchCommandTest {
    private static final List<String> COLUMNS = BatchManifest.COLUMNS;

    @TempDir
    Path dir;
    private BatchData.Folders in;
    private Path out;

    @BeforeEach
    void inputs() throws Exception {
        in = BatchData.create(dir);
        out = dir.resolve("dataset");
    }

    @Test
    void trainsEveryPairWritesSamplesAndAManifestAndListsWhatItSkipped() throws Exception {
        CliRun run = batch("--samples-per-image", "2", "--with-real");
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("4 pairs in " + in.images() + "; shard 0/1 takes 4, 2 samples each"), run.out());
        assertTrue(run.out().contains("Done in ") && run.out().contains(": 3 trained, 0 resumed"), run.out());
        assertTrue(run.out().contains("bad: The mask is 40x30 pixels but the image is "
                + TestData.Size.of(in.images().resolve("bad.jpg"))), run.out());
        assertTrue(run.out().contains("lonely.jpg: no mask named lonely.*"), run.out());
        assertTrue(run.out().contains("notes.txt: not an image"), run.out());
        assertTrue(run.out().contains("Skipped files: 2, listed at the start."), run.out());
        assertTrue(run.out().contains("lists 9 pairs"), run.out());

        List<List<String>> rows = manifest();
        assertEquals(9, rows.size(), "2 samples and the real pair of each of a, b, c");
        for (List<String> row : rows) {
            String pair = row.get(COLUMNS.indexOf("source_image")).replace(".jpg", "");
            assertEquals(FileHash.sha256(in.images().resolve(pair + ".jpg")), row.get(COLUMNS.indexOf("source_sha256")));
            assertEquals("models/" + pair + ".singan", row.get(COLUMNS.indexOf("model")));
            assertTrue(Files.isRegularFile(out.resolve(row.get(COLUMNS.indexOf("model")))));
            BufferedImage mask = ImageIO.read(out.resolve(row.get(COLUMNS.indexOf("mask"))).toFile());
            assertEquals(Integer.parseInt(row.get(COLUMNS.indexOf("width"))), mask.getWidth());
            assertBinary(mask);
            if (row.get(COLUMNS.indexOf("kind")).equals("synthetic")) {
                assertEquals(Long.toString(PairSeeds.of(7, pair)), row.get(COLUMNS.indexOf("seed")));
                assertTrue(row.get(COLUMNS.indexOf("image")).matches("images/" + pair + "_000[12]\\.png"), row.toString());
                assertEquals("0", row.get(COLUMNS.indexOf("start_scale")));
                double coverage = Double.parseDouble(row.get(COLUMNS.indexOf("mask_coverage")));
                assertTrue(coverage >= 0 && coverage <= 1);
            } else {
                assertEquals("images/" + pair + "_real.png", row.get(COLUMNS.indexOf("image")));
            }
        }
        assertEquals(List.of("a.json", "a.singan", "b.json", "b.singan", "c.json", "c.singan"), names(out.resolve("models")));
    }

    @Test
    void twoShardsTakeEachPairOnceAndTheLastManifestListsAllOfThem() throws Exception {
        CliRun first = batch("--samples-per-image", "2", "--shard", "0/2");
        assertEquals(0, first.exit(), first.err() + first.out());
        assertTrue(first.out().contains("shard 0/2 takes 2,"), first.out());
        assertEquals(List.of("a"), trained(first), first.out());
        assertTrue(first.out().contains("bad: skipped."), first.out());
        assertTrue(first.out().contains("lists 2 pairs"), first.out());

        CliRun second = batch("--samples-per-image", "2", "--shard", "1/2");
        assertEquals(0, second.exit(), second.err() + second.out());
        assertEquals(List.of("b", "c"), trained(second), second.out());
        assertTrue(second.out().contains("lists 6 pairs"), second.out());
        List<String> images = manifest().stream().map(r -> r.get(0)).toList();
        assertEquals(List.of("images/a_0001.png", "images/a_0002.png", "images/b_0001.png", "images/b_0002.png",
                "images/c_0001.png", "images/c_0002.png"), images);

        // A rerun of the whole batch finds everything done: no training, models untouched.
        List<FileTime> times = modelTimes();
        CliRun rerun = batch("--samples-per-image", "2");
        assertEquals(0, rerun.exit(), rerun.err() + rerun.out());
        assertTrue(rerun.out().contains(": 0 trained, 0 resumed, 0 with missing outputs made, 3 already complete, "
                + "1 skipped; 0 samples written."), rerun.out());
        assertTrue(!rerun.out().contains("Scale 1/"), "no training output");
        assertEquals(times, modelTimes());
    }

    @Test
    void badShardsAndUnusableInputsExitWithCodeTwo() throws Exception {
        for (String[] shard : new String[][]{{"2/2", "0 to 1"}, {"0/0", "at least 1"}, {"x", "give k/N"},
                {"1/-2", "give k/N"}}) {
            CliRun run = batch("--shard", shard[0]);
            assertEquals(UserErrors.USER_ERROR, run.exit(), shard[0]);
            assertTrue(run.err().startsWith("Error: ") && run.err().contains(shard[1]), run.err());
        }
        Path lonely = Files.createDirectories(dir.resolve("lonely"));
        Files.copy(in.images().resolve("lonely.jpg"), lonely.resolve("lonely.jpg"));
        CliRun noPairs = CliRun.of(args(lonely, in.masks(), out));
        assertEquals(UserErrors.USER_ERROR, noPairs.exit());
        assertTrue(noPairs.err().contains("has a mask"), noPairs.err());

        Path onlyBad = Files.createDirectories(dir.resolve("only-bad"));
        Files.copy(in.images().resolve("bad.jpg"), onlyBad.resolve("bad.jpg"));
        Files.copy(in.masks().resolve("bad.png"), onlyBad.resolve("bad_mask.png"));
        CliRun nothingUsable = CliRun.of(args(onlyBad, onlyBad, out));
        assertEquals(UserErrors.USER_ERROR, nothingUsable.exit(), nothingUsable.out());
        assertTrue(nothingUsable.out().contains("bad: skipped. The mask is 40x30"), nothingUsable.out());

        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("images"));
        Files.createDirectories(data.resolve("masks"));
        Files.copy(in.images().resolve("a.jpg"), data.resolve("images/a.jpg"));
        Files.copy(in.masks().resolve("a.jpg"), data.resolve("masks/a.jpg"));
        CliRun intoInputs = CliRun.of(args(data.resolve("images"), data.resolve("masks"), data));
        assertEquals(UserErrors.USER_ERROR, intoInputs.exit());
        assertTrue(intoInputs.err().contains("into the input folder"), intoInputs.err());
    }

    private CliRun batch(String... options) {
        return CliRun.of(args(in.images(), in.masks(), out, options));
    }

    /** The command with the minimal training settings, so that nothing here trains for long. */
    private static String[] args(Path images, Path masks, Path outFolder, String... options) {
        List<String> args = new ArrayList<>(List.of("train-batch", "--images", images.toString(), "--masks",
                masks.toString(), "--out", outFolder.toString()));
        args.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        args.addAll(Arrays.asList(options));
        return args.toArray(String[]::new);
    }

    /** The pairs a run trained, from its per-pair lines. */
    private static List<String> trained(CliRun run) {
        return run.out().lines().filter(l -> l.matches("  \\w+: trained, .*")).map(l -> l.trim().split(":")[0]).toList();
    }

    private List<List<String>> manifest() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("manifest.csv"));
        assertEquals(String.join(",", COLUMNS), lines.get(0));
        return lines.stream().skip(1).map(l -> List.of(l.split(",", -1))).toList();
    }

    private List<FileTime> modelTimes() throws Exception {
        List<FileTime> times = new ArrayList<>();
        for (String name : BatchData.GOOD) {
            times.add(Files.getLastModifiedTime(out.resolve("models/" + name + ".singan")));
        }
        return times;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static void assertBinary(BufferedImage mask) {
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int v = mask.getRaster().getSample(x, y, 0);
                assertTrue(v == 0 || v == 255, "binary mask");
            }
        }
    }
}
