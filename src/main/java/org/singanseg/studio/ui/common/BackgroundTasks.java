package org.singanseg.studio.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs file work off the UI thread and hands the result back to it, showing what runs in the
 * status bar. Failures reach a handler (the UI shows them in words); nothing is thrown on the UI
 * thread.
 */
public final class BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    /** A task step that may throw anything. */
    @FunctionalInterface
    public interface Step<T> {
        void accept(T value) throws Exception;
    }

    private final Executor worker;
    private final Executor ui;
    private final StatusModel status;
    private int runningCount;

    public BackgroundTasks(Executor worker, Executor ui, StatusModel status) {
        this.worker = worker;
        this.ui = ui;
        this.status = status;
    }

    /** Runs {@code work} in the background, then {@code done} on the UI thread, or {@code failed} there. */
    public <T> void run(String description, Callable<T> work, Step<T> done, Consumer<Throwable> failed) {
        runningCount++;
        status.runningProperty().set(description + "…");
        worker.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> finish(description, () -> done.accept(result), failed));
            } catch (Throwable e) {
                ui.execute(() -> finish(description, () -> {
                    throw e;
                }, failed));
            }
        });
    }

    private interface Action {
        void run() throws Throwable;
    }

    private void finish(String description, Action action, Consumer<Throwable> failed) {
        if (--runningCount == 0) {
            status.runningProperty().set("");
        }
        try {
            action.run();
        } catch (Throwable e) {
            LOG.warn("{} failed", description, e);
            failed.accept(e);
        }
    }
}
