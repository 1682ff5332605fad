package org.singanseg.studio.ui.mask;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * Saves the edited mask to its file a moment after the last edit, off the UI thread, and tells
 * whether edits are not on disk yet. The mask is copied on the UI thread (the editor's thread);
 * only the copy travels to the writer.
 */
public final class MaskAutosave {
    private static final Logger LOG = LoggerFactory.getLogger(MaskAutosave.class);

    private final MaskEditorModel editor;
    private final ScheduledExecutorService writer;
    private final Executor ui;
    private final long delayMillis;
    private final Consumer<String> problems;
    private final LongProperty savedRevision = new SimpleLongProperty();
    private final BooleanBinding unsaved;
    private Path file;
    private ScheduledFuture<?> pending;

    /**
     * @param problems receives a user-readable message when a save fails (the edits stay unsaved)
     */
    public MaskAutosave(MaskEditorModel editor, ScheduledExecutorService writer, Executor ui, long delayMillis,
                        Consumer<String> problems) {
        this.editor = editor;
        this.writer = writer;
        this.ui = ui;
        this.delayMillis = delayMillis;
        this.problems = problems;
        unsaved = Bindings.createBooleanBinding(() -> file != null && editor.revisionProperty().get() != savedRevision.get(),
                editor.revisionProperty(), savedRevision);
        editor.revisionProperty().addListener((obs, old, revision) -> schedule());
    }

    /** Stops saving (a new project is being put in place). */
    public void detach() {
        cancelPending();
        file = null;
    }

    /** From now on edits go to this file; the mask as it is now counts as saved. */
    public void attach(Path maskFile) {
        cancelPending();
        file = maskFile;
        savedRevision.set(editor.revisionProperty().get());
    }

    public BooleanBinding unsavedProperty() {
        return unsaved;
    }

    public boolean isUnsaved() {
        return unsaved.get();
    }

    /**
     * Writes the mask as it is now on the writer thread, after any write under way there, so the
     * newest mask is the one left on disk. Completes on the UI thread (at once when nothing is
     * unsaved), exceptionally with the IOException when the write failed.
     */
    public CompletableFuture<Void> save() {
        cancelPending();
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!isUnsaved() || writer.isShutdown()) {
            written.complete(null);
            return written;
        }
        long revision = editor.revisionProperty().get();
        MaskRaster copy = editor.snapshot();
        Path target = file;
        writer.execute(() -> {
            try {
                MaskFiles.write(copy, target);
                ui.execute(() -> {
                    if (target.equals(file)) {
                        savedRevision.set(Math.max(savedRevision.get(), revision));
                    }
                    written.complete(null);
                });
            } catch (IOException e) {
                LOG.warn("Saving {} failed", target, e);
                ui.execute(() -> written.completeExceptionally(e));
            }
        });
        return written;
    }

    /** Writes now and waits for it, for closing the window and switching projects. */
    public void saveNow() throws IOException {
        cancelPending();
        if (isUnsaved()) {
            long revision = editor.revisionProperty().get();
            MaskRaster copy = editor.snapshot();
            Path target = file;
            try {
                writer.submit(() -> {
                    MaskFiles.write(copy, target);
                    return null;
                }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while saving", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            savedRevision.set(revision);
        }
    }

    private void schedule() {
        // A shut-down writer means the app is closing, and closing saved already.
        if (file == null || !isUnsaved() || writer.isShutdown()) {
            return;
        }
        cancelPending();
        pending = writer.schedule(() -> ui.execute(this::saveInBackground), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void saveInBackground() {
        Path target = file;
        save().whenComplete((ok, error) -> {
            if (error != null) {
                problems.accept(UserMessages.saveFailed(target, (IOException) error));
            }
        });
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
