package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;

/**
 * Watches the UI thread between two JavaFX pulses: the CPU time it spent (its own work), the time
 * it was blocked on a lock held by another thread (sampled every {@value #SAMPLE_MILLIS} ms), and
 * the wall-clock gap. Blocks on the headless toolkit's own event queue are not counted: there the
 * idle UI thread waits for the next event, and on a busy machine re-entering that queue's monitor
 * can take long without any app work waiting.
 */
final class PulseGaps extends AnimationTimer {
    private static final long SAMPLE_MILLIS = 2;
    private static final String TOOLKIT_QUEUE = "com.sun.glass.ui.monocle.RunnableQueue";
    private static final long LIMIT_NANOS = 100_000_000;
    /** No frame may take this long, not even the one allowed to exceed the limit. */
    private static final long HARD_LIMIT_NANOS = 250_000_000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong blockedSamples = new AtomicLong();
    private volatile boolean sampling;
    private long lastWall;
    private long lastCpu;
    private long longestWall;
    private long longestCpu;
    private long longestBlocked;
    private int frames;
    /** Frames after which the UI thread had worked LIMIT_NANOS or more. */
    private int slowFrames;

    @Override
    public void start() {
        long uiThread = Thread.currentThread().getId();
        sampling = true;
        Thread sampler = new Thread(() -> {
            while (sampling) {
                ThreadInfo info = threads.getThreadInfo(uiThread);
                if (info != null && info.getThreadState() == Thread.State.BLOCKED
                        && (info.getLockInfo() == null || !TOOLKIT_QUEUE.equals(info.getLockInfo().getClassName()))) {
                    blockedSamples.incrementAndGet();
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ui-block-sampler");
        sampler.setDaemon(true);
        sampler.start();
        super.start();
    }

    @Override
    public void stop() {
        sampling = false;
        super.stop();
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        long blocked = blockedSamples.getAndSet(0) * SAMPLE_MILLIS * 1_000_000;
        if (lastWall != 0) {
            longestWall = Math.max(longestWall, now - lastWall);
            longestCpu = Math.max(longestCpu, cpu - lastCpu);
            if (cpu - lastCpu >= LIMIT_NANOS) {
                slowFrames++;
                System.out.printf("UI thread: %.1f ms of CPU time before frame %d%n", (cpu - lastCpu) / 1e6, frames);
            }
            longestBlocked = Math.max(longestBlocked, blocked);
        }
        lastWall = now;
        lastCpu = cpu;
        frames++;
    }

    /**
     * Prints the figures and fails if fewer than {@code minFrames} frames were drawn, if the UI
     * thread was blocked for 100 ms or more between two frames, or if it worked that long between
     * two frames more than once or ever for 250 ms. The one slow frame allowed is JavaFX's: near
     * the end of a long list its VirtualFlow measures the remaining rows once (112-118 ms of CPU,
     * at the same frame every run, on a 2-core Intel VM; under 50 ms on a 2-core AMD one). The
     * wall-clock gap is printed only: on a loaded machine it includes waiting for a free core, not
     * the app's doing.
     */
    void assertSmooth(String during, int minFrames) {
        System.out.printf("UI thread during %s: %d frames; between two frames at most %.1f ms of its CPU time, "
                + "%.1f ms blocked, %.1f ms wall clock%n", during, frames, longestCpu / 1e6, longestBlocked / 1e6,
                longestWall / 1e6);
        assertTrue(frames >= minFrames, "frames: " + frames);
        assertTrue(slowFrames <= 1 && longestCpu < HARD_LIMIT_NANOS, "the UI thread worked 100 ms or more between two frames "
                + slowFrames + " times, at most " + longestCpu / 1e6 + " ms");
        assertTrue(longestBlocked < LIMIT_NANOS, "the UI thread was blocked " + longestBlocked / 1e6 + " ms");
    }
}
