package org.singanseg.studio.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.testing.BatchData;
import org.singanseg.studio.testing.TinyModels;

/**
 * The app's dataset run drives the batch trainer on its engine thread: three good pairs are trained
 * and sampled, the bad inputs are logged as skipped, progress reaches 1 and the manifest lists all.
 */
class DatasetServiceTest {
    @TempDir
    Path dir;

    @Test
    void makesADatasetAndLogsEveryPair() throws Exception {
        BatchData.Folders inputs = BatchData.create(dir.resolve("in"));
        ExecutorService engine = Executors.newSingleThreadExecutor();
        try {
            DatasetService service = new DatasetService(engine, Runnable::run);
            Path out = dir.resolve("out");
            service.start(new DatasetService.Request(inputs.images(), inputs.masks(), out, TinyModels.minimal(), 2, false));
            engine.shutdown();
            assertTrue(engine.awaitTermination(5, TimeUnit.MINUTES), "the run ends");

            assertTrue(service.messageProperty().get().startsWith("Done in"), service.messageProperty().get());
            assertTrue(service.messageProperty().get().contains("3 trained"), service.messageProperty().get());
            List<String> log = List.copyOf(service.log());
            for (String pair : BatchData.GOOD) {
                assertEquals(1, log.stream().filter(line -> line.startsWith(pair + ": trained, 2 samples")).count(), log.toString());
            }
            assertTrue(log.stream().anyMatch(line -> line.startsWith("Skipped")), log.toString());
            assertEquals(1.0, service.progressProperty().get(), 0.11, "the last pair's samples");
            assertEquals(1 + 3 * 2, Files.readAllLines(out.resolve("manifest.csv")).size());
        } finally {
            engine.shutdownNow();
        }
    }
}
