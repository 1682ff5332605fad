package org.singanseg.studio.ui.gallery;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.ui.common.BackgroundTasks;
import org.singanseg.studio.ui.common.StatusModel;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file side of the gallery: opens the project's sample catalog, saves review marks a moment
 * after the last one (so marking hundreds of samples with K does not write the catalog hundreds
 * of times), and deletes samples. All file work runs on the files thread.
 */
public final class SampleLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SampleLibrary.class);
    private static final long SAVE_DELAY_MILLIS = 800;

    private final GalleryModel gallery;
    private final ScheduledExecutorService files;
    private final BackgroundTasks tasks;
    private final StatusModel status;
    private final Supplier<SampleCatalog> inUse;
    private ScheduledFuture<?> pendingSave;

    /** @param inUse the catalog a running generation writes into, if any: reopening its project shares it */
    public SampleLibrary(GalleryModel gallery, ScheduledExecutorService files, BackgroundTasks tasks, StatusModel status,
                         Supplier<SampleCatalog> inUse) {
        this.gallery = gallery;
        this.inUse = inUse;
        this.files = files;
        this.tasks = tasks;
        this.status = status;
    }

    /** Shows the project's samples (none for null). */
    public void open(Project project) {
        gallery.show(null);
        if (project == null) {
            return;
        }
        SampleCatalog busy = inUse.get();
        if (busy != null && busy.folder().equals(project.samplesFolder())) {
            gallery.show(busy); // two catalogs of one folder would overwrite each other's saves
            return;
        }
        tasks.run("Reading the samples of " + project.name(), () -> SampleCatalog.open(project.samplesFolder()),
                gallery::show, e -> status.messageProperty().set("The samples cannot be shown: " + UserMessages.describe(e)));
    }

    public void mark(Review review) {
        int changed = gallery.markSelected(review);
        if (changed > 0) {
            saveSoon();
        }
    }

    public void delete(Set<String> names) {
        SampleCatalog catalog = gallery.catalogProperty().get();
        if (catalog == null || names.isEmpty()) {
            return;
        }
        Set<String> doomed = Set.copyOf(names);
        gallery.removed(doomed);
        tasks.run("Deleting " + doomed.size() + " samples", () -> {
            catalog.delete(doomed);
            catalog.save();
            return doomed.size();
        }, count -> status.messageProperty().set("Deleted " + count + " samples."),
                e -> status.messageProperty().set("Deleting failed: " + UserMessages.describe(e)));
    }

    /**
     * Writes the catalog at once, on the calling thread (the window is closing): pending review
     * marks, and the samples a generation added since its last save.
     */
    public void saveBeforeLeaving() {
        SampleCatalog catalog = gallery.catalogProperty().get();
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        if (catalog != null) {
            save(catalog);
        }
    }

    private void saveSoon() {
        SampleCatalog catalog = gallery.catalogProperty().get();
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        pendingSave = files.schedule(() -> save(catalog), SAVE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void save(SampleCatalog catalog) {
        try {
            catalog.save();
        } catch (Exception e) {
            LOG.warn("Saving the sample list failed", e);
            javafx.application.Platform.runLater(() -> status.messageProperty().set(
                    "The review marks could not be saved: " + UserMessages.describe(e)));
        }
    }
}
