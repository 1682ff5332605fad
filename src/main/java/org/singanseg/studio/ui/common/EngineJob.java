package org.singanseg.studio.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.singanseg.studio.core.image.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A long piece of work on the engine thread with what a window shows of it: running, progress,
 * a message, and Stop (a flag the work checks). Started and stopped on the UI thread; the work's
 * outcome, or its failure in words, ends up in the message.
 */
public abstract class EngineJob {
    private static final Logger LOG = LoggerFactory.getLogger(EngineJob.class);

    /** The work: returns the message to show when it ends. */
    @FunctionalInterface
    public interface Work {
        String run() throws Exception;
    }

    protected final Executor engine;
    protected final Executor ui;
    protected final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");

    protected EngineJob(Executor engine, Executor ui) {
        this.engine = engine;
        this.ui = ui;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public void cancel() {
        cancelRequested.set(true);
        message.set("Stopping…");
    }

    /** Runs {@code work} on the engine thread unless a run is going on; {@code stopped} is shown after a Stop. */
    protected void start(Work work, String stopped) {
        start(work, "Waiting for the engine…", () -> stopped);
    }

    /**
     * @param starting shown until the work reports progress
     * @param stopped  what to show after a Stop, asked for when the work has stopped
     */
    protected void start(Work work, String starting, Supplier<String> stopped) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        cancelRequested.set(false);
        message.set(starting);
        engine.execute(() -> {
            String outcome;
            boolean completed = false;
            try {
                outcome = work.run();
                completed = true;
            } catch (CancellationException e) {
                outcome = stopped.get();
            } catch (InvalidInputException e) {
                // Bad input is the user's to fix, with the message shown: one log line, no trace.
                LOG.warn("{}: {}", getClass().getSimpleName(), e.getMessage());
                outcome = "Stopped: " + UserMessages.describe(e);
            } catch (Throwable e) {
                LOG.error("{} failed", getClass().getSimpleName(), e);
                outcome = "Stopped: " + UserMessages.describe(e);
            }
            String shown = outcome;
            boolean finished = completed;
            ui.execute(() -> {
                beforeEnd();
                running.set(false);
                if (finished) {
                    progress.set(1);
                }
                message.set(shown);
                afterEnd();
            });
        });
    }

    /** On the UI thread when the work has ended, before running turns false: for last updates. */
    protected void beforeEnd() {
    }

    /** On the UI thread once the end is shown (not running, the outcome in the message). */
    protected void afterEnd() {
    }

    /** Shows progress from the engine thread (unless a Stop is pending, whose message stays). */
    protected void report(double done, String text) {
        ui.execute(() -> show(done, text));
    }

    /** Shows progress, on the UI thread; nothing once the run has ended, so its outcome stays. */
    protected void show(double done, String text) {
        if (!running.get()) {
            return;
        }
        progress.set(done);
        if (!cancelRequested.get()) {
            message.set(text);
        }
    }
}
