package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.testing.TinyModels;
import org.singanseg.studio.ui.train.TrainingViewModel.RunState;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;

/**
 * Starts a tiny training in the real window (headless) and watches it: the first scale finishes,
 * the chart fills, the Gallery step opens at the end; meanwhile a pulse timer measures the longest
 * gap between JavaFX frames, i.e. how long the UI thread was ever busy.
 */
class TrainViewUiTest {
    private static StudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        Path home = Files.createTempDirectory("studio-train-ui");
        System.setProperty("studio.home", home.resolve("home").toString());
        System.setProperty("studio.projects", home.resolve("projects").toString());
        FxToolkit.registerPrimaryStage();
        app = (StudioApp) FxToolkit.setupApplication(StudioApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.projects().projectProperty().get() != null
                && app.editor().figuresProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aTinyTrainingRunsInTheWindowWithoutBlockingIt() throws Exception {
        robot.clickOn("#step-train");
        assertTrue(robot.lookup("#step-gallery").query().isDisabled(), "no model yet: no gallery");
        robot.interact(() -> app.trainingModel().settingsProperty().set(TinyModels.settings()));
        PulseGaps gaps = new PulseGaps();
        robot.interact(gaps::start);
        robot.clickOn("#train-start");

        WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES,
                () -> robot.lookup("#scale-tile-0").query().getStyleClass().contains("scale-done"));
        LineChart<?, ?> chart = robot.lookup("#loss-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.getData().get(0).getData().isEmpty());

        WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES, () -> app.trainingModel().stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(gaps::stop);
        System.out.printf("UI thread: %d frames, longest gap between frames %.1f ms%n", gaps.frames, gaps.longestMillis());
        assertTrue(gaps.frames > 50, "frames: " + gaps.frames);
        assertTrue(gaps.longestMillis() < 100, "the UI thread was busy for " + gaps.longestMillis() + " ms at once");

        assertEquals(TinyModels.settings().iterations(), chart.getData().get(0).getData().size(), "finest scale's curve");
        assertTrue(Files.isRegularFile(app.projects().projectProperty().get().modelsFolder().resolve("model.singan")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#step-gallery").query().isDisabled());
        Node start = robot.lookup("#train-start").query();
        assertFalse(start.isDisabled(), "a new run can start");
        assertTrue(((Button) robot.lookup("#train-stop").query()).isDisabled());
    }

    /** The longest time between two JavaFX pulses: how long the UI thread was ever held up. */
    private static final class PulseGaps extends AnimationTimer {
        private long last;
        private long longest;
        private int frames;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longest = Math.max(longest, now - last);
            }
            last = now;
            frames++;
        }

        double longestMillis() {
            return longest / 1e6;
        }
    }
}
