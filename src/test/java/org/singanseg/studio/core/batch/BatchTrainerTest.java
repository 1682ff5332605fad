package org.singanseg.studio.core.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.BatchData;
import org.singanseg.studio.testing.TinyModels;

/** The batch core: resuming an interrupted pair, reruns that do nothing, missing samples only, an output
 * folder that cannot be written. */
class BatchTrainerTest {
    private static final int K = 2;

    @TempDir
    Path dir;
    private List<BatchPair> pairs;
    private Path out;

    @BeforeEach
    void inputs() throws Exception {
        BatchData.Folders folders = BatchData.create(dir);
        pairs = BatchInputs.scan(folders.images(), folders.masks()).pairs();
        out = dir.resolve("out");
    }

    @Test
    void anInterruptedPairResumesFromItsCheckpointAndARerunDoesNothing() throws Exception {
        // Stop pair b right after its first scale is saved, as a kill would between scales.
        Recorder first = new Recorder();
        AtomicBoolean stop = new AtomicBoolean();
        first.onScaleFinished = (pair, scale) -> stop.set(pair.equals("b") && scale == 0);
        assertThrows(CancellationException.class, () -> run(first, stop::get));
        ModelFile.Description halfTrained = ModelFile.describe(out.resolve("models/b.singan"));
        assertEquals(1, halfTrained.scales());
        assertFalse(halfTrained.complete());
        assertEquals(List.of("images/a_0001.png", "images/a_0002.png"), manifestImages(), "a is done and listed");

        Recorder second = new Recorder();
        BatchSummary summary = run(second, () -> false);
        assertEquals(Map.of("a", PairOutcome.COMPLETE, "b", PairOutcome.RESUMED, "c", PairOutcome.TRAINED),
                outcomes(summary));
        assertEquals(List.of("b from scale 1", "c from scale 0"), second.trainings);
        assertEquals(List.of("bad"), summary.skipped().stream().map(SkippedInput::name).toList());
        assertTrue(summary.skipped().get(0).reason().contains("The mask is 40x30"), summary.skipped().get(0).reason());
        assertEquals(List.of("bad"), second.skipped);
        assertEquals(2 * K, summary.samplesWritten());
        assertEquals(3 * K, summary.manifestRows());
        assertEquals(List.of("images/a_0001.png", "images/a_0002.png", "images/b_0001.png", "images/b_0002.png",
                "images/c_0001.png", "images/c_0002.png"), manifestImages());
        assertTrue(ModelFile.load(out.resolve("models/b.singan")).complete());

        List<FileTime> modelTimes = modelTimes();
        Recorder third = new Recorder();
        BatchSummary rerun = run(third, () -> false);
        assertEquals(3, rerun.count(PairOutcome.COMPLETE));
        assertEquals(List.of(), third.trainings, "no training on a rerun");
        assertEquals(0, rerun.samplesWritten());
        assertEquals(modelTimes, modelTimes());
    }

    @Test
    void aCheckpointStartedWithOtherSettingsIsSkippedNotOverwritten() throws Exception {
        Recorder first = new Recorder();
        AtomicBoolean stop = new AtomicBoolean();
        first.onScaleFinished = (pair, scale) -> stop.set(pair.equals("b") && scale == 0);
        assertThrows(CancellationException.class, () -> run(first, stop::get));
        Path checkpoint = out.resolve("models/b.singan");
        FileTime saved = Files.getLastModifiedTime(checkpoint);

        TrainingSettings longer = TinyModels.minimal().toBuilder().iterations(4).build();
        BatchSummary summary = new BatchTrainer(new BatchOptions(out, longer, K, false, MaskFloor.DEFAULT), new Recorder(), () -> false)
                .run(pairs);
        assertEquals(PairOutcome.COMPLETE, outcomes(summary).get("a"), "a finished model is kept whatever the settings");
        SkippedInput skipped = summary.skipped().stream().filter(s -> s.name().equals("b")).findFirst().orElseThrow();
        assertTrue(skipped.reason().contains("It was started with other settings: Iterations per scale 3 (now 4)."),
                skipped.reason());
        assertEquals(saved, Files.getLastModifiedTime(checkpoint));
    }

    @Test
    void onlyMissingSamplesAreDrawnAndTheyComeOutTheSame() throws Exception {
        run(new Recorder(), () -> false);
        Path lost = out.resolve("images/a_0002.png");
        byte[] original = Files.readAllBytes(lost);
        FileTime kept = Files.getLastModifiedTime(out.resolve("images/a_0001.png"));
        Files.delete(lost);

        BatchSummary more = new BatchTrainer(new BatchOptions(out, TinyModels.minimal(), K + 1, true, MaskFloor.DEFAULT),
                new Recorder(), () -> false).run(pairs);
        assertEquals(Map.of("a", PairOutcome.SAMPLED, "b", PairOutcome.SAMPLED, "c", PairOutcome.SAMPLED),
                outcomes(more));
        assertEquals(2 + 1 + 1, more.samplesWritten(), "a: 2 and 3, b and c: 3");
        assertArrayEquals(original, Files.readAllBytes(lost), "same seed and index, same sample");
        assertEquals(kept, Files.getLastModifiedTime(out.resolve("images/a_0001.png")));
        assertTrue(Files.exists(out.resolve("masks/c_real.png")));
        assertEquals(3 * (K + 2), more.manifestRows(), "K + 1 samples and the real pair each");
    }

    @Test
    void samplesDrawnWithAnotherMaskFloorAreDrawnAgainFromTheSameModel() throws Exception {
        run(new Recorder(), () -> false, MaskFloor.NONE);
        FileTime trained = Files.getLastModifiedTime(out.resolve("models/a.singan"));
        List<PairRecord.Sample> first = PairRecord.read(out.resolve("models/a.json")).samples();
        assertTrue(first.stream().allMatch(s -> s.draw() == 0), "without a floor every sample is the first draw");

        // A floor no draw reaches: every sample is drawn again and keeps its largest mask of all draws.
        BatchSummary again = run(new Recorder(), () -> false, new MaskFloor(1));
        assertEquals(3 * K, again.samplesWritten());
        assertEquals(trained, Files.getLastModifiedTime(out.resolve("models/a.singan")), "the model is kept");
        PairRecord record = PairRecord.read(out.resolve("models/a.json"));
        assertEquals(1, record.minMaskCoverage());
        for (int i = 0; i < K; i++) {
            assertTrue(record.samples().get(i).maskCoverage() >= first.get(i).maskCoverage());
        }
        List<List<String>> rows = CsvTable.parse(Files.readString(out.resolve(BatchManifest.FILE)));
        int image = rows.get(0).indexOf("image");
        int draw = rows.get(0).indexOf("draw");
        for (PairRecord.Sample sample : record.samples()) {
            List<String> row = rows.stream().filter(r -> r.get(image).equals(sample.image())).findFirst().orElseThrow();
            assertEquals(Integer.toString(sample.draw()), row.get(draw), "the manifest lists each sample's draw");
        }
    }

    @Test
    void aModelMadeFromOtherFilesIsSkippedNotOverwritten() throws Exception {
        run(new Recorder(), () -> false);
        Path model = out.resolve("models/a.singan");
        FileTime trained = Files.getLastModifiedTime(model);
        // Another mask for a: its own inverted, as a PNG under the same name (the app reads files by
        // content). Not another pair's: without ../shared every pair has the demo mask.
        MaskRaster mask = MaskFiles.read(pairs.get(0).mask());
        mask.invert();
        MaskFiles.write(mask, pairs.get(0).mask());

        BatchSummary summary = run(new Recorder(), () -> false);
        SkippedInput skipped = summary.skipped().stream().filter(s -> s.name().equals("a")).findFirst().orElseThrow();
        assertTrue(skipped.reason().contains("made from other files"), skipped.reason());
        assertEquals(trained, Files.getLastModifiedTime(model));
    }

    /** A read-only mount or a folder of another user on one node of a cluster: a message, no training. */
    @Test
    void anOutputFolderThatCannotBeWrittenStopsTheBatchBeforeAnyTraining() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("models"), "a file where the models folder goes");
        Recorder recorder = new Recorder();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(recorder, () -> false));
        assertTrue(e.getMessage().startsWith(out.resolve("models") + " is a file, not a folder."), e.getMessage());
        assertTrue(e.getMessage().contains("train-batch needs its output folder writable wherever it runs"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was trained."), e.getMessage());
        assertEquals(List.of(), recorder.trainings);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of("models"), left.map(p -> p.getFileName().toString()).toList(), "no probe left");
        }
    }

    @Test
    void aFolderWithoutWritePermissionIsSaidSo() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Files.createDirectories(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(new Recorder(), () -> false));
            assertTrue(e.getMessage().startsWith("Cannot write to " + out + ": "), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private BatchSummary run(Recorder listener, BooleanSupplier cancelled) throws Exception {
        return run(listener, cancelled, MaskFloor.DEFAULT);
    }

    private BatchSummary run(Recorder listener, BooleanSupplier cancelled, MaskFloor floor) throws Exception {
        TrainingSettings settings = TinyModels.minimal();
        return new BatchTrainer(new BatchOptions(out, settings, K, false, floor), listener, cancelled).run(pairs);
    }

    private List<String> manifestImages() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve(BatchManifest.FILE));
        assertEquals(String.join(",", BatchManifest.COLUMNS), lines.get(0));
        return lines.stream().skip(1).map(l -> l.split(",")[0]).toList();
    }

    private List<FileTime> modelTimes() throws Exception {
        List<FileTime> times = new ArrayList<>();
        for (String name : BatchData.GOOD) {
            times.add(Files.getLastModifiedTime(out.resolve("models/" + name + ".singan")));
        }
        return times;
    }

    private static Map<String, PairOutcome> outcomes(BatchSummary summary) {
        return summary.results().stream().collect(Collectors.toMap(r -> r.pair().name(), PairResult::outcome));
    }

    /** Records the events that tell what the batch did. */
    private static final class Recorder implements BatchListener {
        final List<String> trainings = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        java.util.function.BiConsumer<String, Integer> onScaleFinished = (pair, scale) -> { };
        private String current;

        @Override
        public void pairStarted(BatchPair pair, int number, int total) {
            current = pair.name();
        }

        @Override
        public void trainingStarted(TrainingSettings settings, int[] heights, int[] widths, int[] networkWidths,
                                    int firstScale) {
            assertEquals(PairSeeds.of(7, current), settings.seed(), "the pair's own seed");
            trainings.add(current + " from scale " + firstScale);
        }

        @Override
        public void scaleFinished(int scale, double seconds) {
            onScaleFinished.accept(current, scale);
        }

        @Override
        public void pairSkipped(BatchPair pair, String reason) {
            skipped.add(pair.name());
        }
    }
}
