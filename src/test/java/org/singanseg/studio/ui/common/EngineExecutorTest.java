package org.singanseg.studio.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EngineExecutorTest {

    @Test
    void saysWhetherWorkWaitsBehindTheTaskItRuns() throws Exception {
        EngineExecutor engine = new EngineExecutor(Executors.defaultThreadFactory());
        try {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            boolean[] sawWaiting = new boolean[2];
            engine.execute(() -> {
                sawWaiting[0] = engine.workWaits();
                running.countDown();
                await(release);
                sawWaiting[1] = engine.workWaits();
            });
            assertTrue(running.await(10, TimeUnit.SECONDS));
            CountDownLatch second = new CountDownLatch(1);
            engine.execute(second::countDown);
            release.countDown();
            assertTrue(second.await(10, TimeUnit.SECONDS), "the waiting task ran after the first");
            assertFalse(sawWaiting[0], "nothing waited while the first task began");
            assertTrue(sawWaiting[1], "the second task waited behind the first");
            assertFalse(engine.workWaits(), "nothing waits once both ran");
        } finally {
            engine.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
