package org.singanseg.studio.core.nn.compute;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.singanseg.studio.core.engine.EngineThreads;

/**
 * The second thread of the engine's Java loops: large images are split in two halves, the second
 * done by this helper while the engine thread does the first. Plain Java on values only: no ND4J
 * call leaves the engine thread. Such images run native ops on two threads too
 * ({@link EngineThreads}), and while the engine thread ran Java loops alone the second core waited.
 */
final class HelperThread {
    /** From this image size on, loops are split between two threads (as native ops: EngineThreads). */
    static final int SPLIT_FROM_PIXELS = EngineThreads.SINGLE_THREAD_BELOW_PIXELS;

    private static final ExecutorService HELPER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "engine-helper");
        thread.setDaemon(true);
        return thread;
    });

    private HelperThread() {
    }

    /** One half of a loop: its units from .. to - 1. */
    interface Half {
        void run(int half, int from, int to);
    }

    /** Runs units 0 .. units - 1: all on this thread, or split in two halves when parallel. */
    static void inHalves(int units, boolean parallel, Half pass) {
        if (!parallel || units < 2) {
            pass.run(0, 0, units);
            return;
        }
        int split = units / 2;
        Future<?> second = HELPER.submit(() -> pass.run(1, split, units));
        pass.run(0, 0, split);
        try {
            second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the helper thread worked", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The helper thread's half failed", e.getCause());
        }
    }
}
