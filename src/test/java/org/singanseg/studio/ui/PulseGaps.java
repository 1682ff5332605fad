package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import javafx.animation.AnimationTimer;

/** The most UI-thread CPU time and blocked time between two JavaFX pulses, and the longest wall gap. */
final class PulseGaps extends AnimationTimer {
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

    /**
     * Prints the figures and fails if fewer than {@code minFrames} frames were drawn or the UI
     * thread worked or was blocked for 100 ms or more between two frames. The wall-clock gap is
     * printed only: on a loaded machine it includes waiting for a free core, not the app's doing.
     */
    void assertSmooth(String during, int minFrames) {
        System.out.printf("UI thread during %s: %d frames; between two frames at most %.1f ms of its CPU time, "
                + "%.1f ms blocked, %.1f ms wall clock%n", during, frames, longestCpu / 1e6, longestBlocked / 1e6,
                longestWall / 1e6);
        assertTrue(frames >= minFrames, "frames: " + frames);
        assertTrue(longestCpu < 100_000_000, "the UI thread worked " + longestCpu / 1e6 + " ms between two frames");
        assertTrue(longestBlocked < 100_000_000, "the UI thread was blocked " + longestBlocked / 1e6 + " ms");
    }
}
