package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.testing.TinyModels;
import org.singanseg.studio.ui.train.TrainingViewModel.RunState;
import org.testfx.util.WaitForAsyncUtils;


import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * Starts a tiny training in the real window (headless) and watches it: the first scale finishes,
 * the chart fills, the Gallery step opens at the end, the status bar keeps the outcome, and a mask
 * changed afterwards marks the model out of date until it is as before. Meanwhile a pulse timer measures, between
 * every two JavaFX frames, the CPU time the UI thread spent (its own work) and the time it was
 * blocked on a lock (waiting for another thread, such as the engine): neither may reach 100 ms
 * (see {@link PulseGaps}).
 */
class TrainViewUiTest extends StudioWindowTest {
    @Test
    void aTinyTrainingRunsInTheWindowWithoutBlockingIt() throws Exception {
        fixture.closeDialogs(robot);
        robot.clickOn("#step-train");
        assertTrue(robot.lookup("#step-gallery").query().isDisabled(), "no model yet: no gallery");
        robot.interact(() -> app.training().plan(TinyModels.settings()));
        PulseGaps gaps = new PulseGaps();
        robot.interact(gaps::start);
        robot.clickOn("#train-start");

        // The strip is rebuilt as states change, so the tile may be briefly absent.
        await(5 * 60, "scale 1 done", () -> robot.lookup("#scale-tile-0").tryQuery()
                .map(tile -> tile.getStyleClass().contains("scale-done")).orElse(false));
        LineChart<?, ?> chart = robot.lookup("#loss-chart").queryAs(LineChart.class);
        await(30, "chart filled", () -> !chart.getData().get(0).getData().isEmpty());
        await(5 * 60, "training finished", () -> app.trainingModel().stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(gaps::stop);
        gaps.assertSmooth("a tiny training", 50);

        assertEquals(TinyModels.settings().iterations(), chart.getData().get(0).getData().size(), "finest scale's curve");
        assertTrue(Files.isRegularFile(app.projects().projectProperty().get().modelFile()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#step-gallery").query().isDisabled());
        Node start = robot.lookup("#train-start").query();
        assertFalse(start.isDisabled(), "a new run can start");
        assertTrue(((Button) robot.lookup("#train-stop").query()).isDisabled());

        // The end stays in words where the user looks after being away, and training was judged.
        String finished = robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
        assertTrue(finished.startsWith("Training finished at "), finished);
        assertTrue(robot.lookup("#train-open-gallery").query().isVisible());
        assertFalse(robot.lookup("#train-health").queryAs(Label.class).getText().isEmpty());

        // A mask changed after training: the model is out of date, in Train and in the Gallery.
        assertFalse(robot.lookup("#train-stale").query().isVisible());
        robot.interact(() -> app.editor().invert());
        await(30, "stale model said", () -> robot.lookup("#train-stale").query().isVisible());
        assertTrue(robot.lookup("#gallery-stale").query().isManaged(), "the Gallery's banner too");
        assertFalse(robot.lookup("#train-open-gallery").query().isVisible(), "not sent to the Gallery with it");
        robot.interact(() -> app.editor().invert());
        await(30, "current again", () -> !robot.lookup("#train-stale").query().isVisible());
    }

    private static void await(int seconds, String what, java.util.concurrent.Callable<Boolean> condition) {
        StudioAppFixture.await(seconds, what, condition, () -> "training says: " + app.training().messageProperty().get()
                + " (" + app.trainingModel().stateProperty().get() + ")");
    }
}
