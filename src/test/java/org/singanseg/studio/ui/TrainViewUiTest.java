package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.testing.TinyModels;
import org.singanseg.studio.ui.train.TrainingViewModel.RunState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;

/**
 * Starts a tiny training in the real window (headless) and watches it: the first scale finishes,
 * the chart fills, the Gallery step opens at the end. Meanwhile a pulse timer measures, between
 * every two JavaFX frames, the CPU time the UI thread spent (its own work) and the time it was
 * blocked on a lock (waiting for another thread, such as the engine): neither may reach 100 ms.
 * The wall-clock gap is printed too; on a loaded machine it also includes time spent waiting for
 * a free core, which is not the app's doing.
 */
class TrainViewUiTest {
    private static StudioAppFixture fixture;
    private static StudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        fixture = StudioAppFixture.launch();
        app = fixture.app;
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void aTinyTrainingRunsInTheWindowWithoutBlockingIt() throws Exception {
        fixture.closeDialogs(robot);
        robot.clickOn("#step-train");
        assertTrue(robot.lookup("#step-gallery").query().isDisabled(), "no model yet: no gallery");
        robot.interact(() -> app.trainingModel().settingsProperty().set(TinyModels.settings()));
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
        System.out.printf("UI thread: %d frames; between two frames at most %.1f ms of its CPU time, %.1f ms blocked,"
                + " %.1f ms wall clock%n", gaps.frames, gaps.longestCpu / 1e6, gaps.longestBlocked / 1e6, gaps.longestWall / 1e6);
        assertTrue(gaps.frames > 50, "frames: " + gaps.frames);
        assertTrue(gaps.longestCpu < 100_000_000, "the UI thread worked " + gaps.longestCpu / 1e6 + " ms between two frames");
        assertTrue(gaps.longestBlocked < 100_000_000, "the UI thread was blocked " + gaps.longestBlocked / 1e6 + " ms");

        assertEquals(TinyModels.settings().iterations(), chart.getData().get(0).getData().size(), "finest scale's curve");
        assertTrue(Files.isRegularFile(app.projects().projectProperty().get().modelsFolder().resolve("model.singan")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#step-gallery").query().isDisabled());
        Node start = robot.lookup("#train-start").query();
        assertFalse(start.isDisabled(), "a new run can start");
        assertTrue(((Button) robot.lookup("#train-stop").query()).isDisabled());
    }

    private static void await(int seconds, String what, java.util.concurrent.Callable<Boolean> condition) {
        StudioAppFixture.await(seconds, what, condition, () -> "training says: " + app.trainingModel().messageProperty().get()
                + " (" + app.trainingModel().stateProperty().get() + ")");
    }

    /** The most UI-thread CPU time and blocked time between two JavaFX pulses, and the longest wall gap. */
    private static final class PulseGaps extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long lastWall;
        private long lastCpu;
        private long lastBlocked;
        private long longestWall;
        private long longestCpu;
        private long longestBlocked;
        private int frames;

        @Override
        public void start() {
            threads.setThreadContentionMonitoringEnabled(true);
            super.start();
        }

        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            long blocked = threads.getThreadInfo(Thread.currentThread().getId()).getBlockedTime() * 1_000_000;
            if (lastWall != 0) {
                longestWall = Math.max(longestWall, now - lastWall);
                longestCpu = Math.max(longestCpu, cpu - lastCpu);
                longestBlocked = Math.max(longestBlocked, blocked - lastBlocked);
            }
            lastWall = now;
            lastCpu = cpu;
            lastBlocked = blocked;
            frames++;
        }
    }
}
