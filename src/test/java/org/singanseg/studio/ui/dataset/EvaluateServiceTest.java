package org.singanseg.studio.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.testing.EvaluationFolders;

/**
 * The app's evaluation runs on its engine thread and hands back the result the window shows: every
 * setting's folds and a mean ± std row each, and evaluation.csv in the synthetic folder.
 */
class EvaluateServiceTest {
    @TempDir
    Path dir;

    @Test
    void evaluatesAndKeepsTheResultForTheWindow() throws Exception {
        EvaluationFolders.Folders folders = EvaluationFolders.create(dir, 4, 2);
        EvaluationOptions tiny = EvaluationOptions.defaults().withFolds(2).withSmallN(2).withSplitSeed(11)
                .withSegmentation(SegmentationSettings.defaults().withSize(32).withEpochs(1));
        ExecutorService engine = Executors.newSingleThreadExecutor();
        try {
            EvaluateService service = new EvaluateService(engine, Runnable::run);
            service.start(folders.real(), folders.synthetic(), null, tiny);
            engine.shutdown();
            assertTrue(engine.awaitTermination(5, TimeUnit.MINUTES), "the run ends");

            assertTrue(service.messageProperty().get().startsWith("Done: 4 real and 8 synthetic pairs"),
                    service.messageProperty().get());
            assertNotNull(service.resultProperty().get());
            List<EvaluationRow> rows = EvaluationRow.of(service.resultProperty().get());
            assertEquals(5 * (2 + 1), rows.size(), "5 settings x (2 folds + mean)");
            assertTrue(rows.get(2).fold().equals("mean ± std") && rows.get(2).iou().contains(" ± "), rows.get(2).toString());
            assertEquals(1.0, service.progressProperty().get(), 1e-9);
            assertTrue(Files.isRegularFile(folders.synthetic().resolve(EvaluateService.CSV)));
        } finally {
            engine.shutdownNow();
        }
    }
}
