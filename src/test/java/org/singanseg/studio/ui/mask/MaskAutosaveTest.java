package org.singanseg.studio.ui.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;

class MaskAutosaveTest {
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    /** Stands in for the UI thread: tasks queue here and the test runs them. */
    private final ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
    private final MaskEditorModel editor = new MaskEditorModel(Runnable::run, Runnable::run);

    @AfterEach
    void stop() {
        writer.shutdownNow();
    }

    @Test
    void editsReachTheFileShortlyAfterTheLastOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mask.png");
        editor.load(new MaskRaster(30, 20));
        MaskAutosave autosave = new MaskAutosave(editor, writer, uiQueue::add, 50, message -> {
        });
        autosave.attach(file);
        assertFalse(autosave.isUnsaved());
        editor.beginStroke(10, 10, false);
        editor.endStroke();
        assertTrue(autosave.isUnsaved());
        runUiUntil(() -> !autosave.isUnsaved());
        assertEquals(editor.snapshot().countInside(), MaskFiles.read(file).countInside());
        assertTrue(MaskFiles.read(file).countInside() > 0);
    }

    @Test
    void saveNowWritesAtOnceAndAFailureIsReportedInWords(@TempDir Path dir) throws Exception {
        editor.load(new MaskRaster(30, 20));
        Path blocked = Files.writeString(dir.resolve("a-file"), "x").resolve("mask.png"); // parent is a file
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        MaskAutosave autosave = new MaskAutosave(editor, writer, uiQueue::add, 10, problems::add);
        autosave.attach(blocked);
        editor.invert();
        runUiUntil(() -> !problems.isEmpty());
        assertTrue(problems.peek().startsWith("Could not save mask.png"), problems.peek());
        assertTrue(autosave.isUnsaved(), "a failed save leaves the edits marked unsaved");

        Path good = dir.resolve("mask.png");
        autosave.attach(good);
        editor.invert();
        autosave.saveNow();
        assertFalse(autosave.isUnsaved());
        assertEquals(0, MaskFiles.read(good).countInside());
    }

    @Test
    void anExplicitSaveWritesOffTheUiThreadAndReportsFailures(@TempDir Path dir) throws Exception {
        editor.load(new MaskRaster(30, 20));
        MaskAutosave autosave = new MaskAutosave(editor, writer, uiQueue::add, 60_000, message -> {
        });
        Path file = dir.resolve("mask.png");
        autosave.attach(file);
        editor.invert();
        var written = autosave.save();
        runUiUntil(written::isDone);
        assertFalse(written.isCompletedExceptionally());
        assertFalse(autosave.isUnsaved());
        assertEquals(600, MaskFiles.read(file).countInside());

        autosave.attach(Files.writeString(dir.resolve("a-file"), "x").resolve("mask.png"));
        editor.invert();
        var failed = autosave.save();
        runUiUntil(failed::isDone);
        assertTrue(failed.isCompletedExceptionally());
        assertTrue(autosave.isUnsaved());
    }

    private void runUiUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable task = uiQueue.poll();
            if (task == null) {
                Thread.sleep(5);
            } else {
                task.run();
            }
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }
}
