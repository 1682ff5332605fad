package org.singanseg.studio.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C during a command that writes through a staging folder: the JVM's shutdown hook asks the
 * work to cancel and waits a little, so it can delete its partial files before the JVM exits.
 */
final class ShutdownCancel implements BooleanSupplier, AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "cancel-on-shutdown");

    ShutdownCancel() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    /** The work has ended, cleaned up or not: the hook no longer waits, and is removed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; the count-down above lets it return.
        }
    }

    private void cancelAndWait() {
        requested.set(true);
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
