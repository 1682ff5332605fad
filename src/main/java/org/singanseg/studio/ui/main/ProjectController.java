package org.singanseg.studio.ui.main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.ui.common.BackgroundTasks;
import org.singanseg.studio.ui.common.Dialogs;
import org.singanseg.studio.ui.common.StatusModel;
import org.singanseg.studio.ui.common.UserMessages;
import org.singanseg.studio.ui.mask.MaskAutosave;
import org.singanseg.studio.ui.mask.MaskCanvas;
import org.singanseg.studio.ui.mask.MaskEditorModel;
import org.singanseg.studio.ui.prefs.StudioHome;
import org.singanseg.studio.ui.prefs.StudioPreferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Project-level commands: new from an image, open, the demo, import and export of masks, save and
 * the close check. File work runs in the background; errors are shown in words.
 */
public final class ProjectController {
    private static final List<String> IMAGE_PATTERNS = List.of("*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff",
            "*.PNG", "*.JPG", "*.JPEG", "*.BMP", "*.TIF", "*.TIFF");

    private final Window owner;
    private final StudioPreferences preferences;
    private final MaskEditorModel editor;
    private final MaskAutosave autosave;
    private final MaskCanvas canvas;
    private final BackgroundTasks tasks;
    private final StatusModel status;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private BooleanSupplier leaveCheck = () -> true;

    public ProjectController(Window owner, StudioPreferences preferences, MaskEditorModel editor, MaskAutosave autosave,
                             MaskCanvas canvas, BackgroundTasks tasks, StatusModel status) {
        this.owner = owner;
        this.preferences = preferences;
        this.editor = editor;
        this.autosave = autosave;
        this.canvas = canvas;
        this.tasks = tasks;
        this.status = status;
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    /** What a loaded project brings to the screen. */
    private record Loaded(Project project, MaskRaster mask, Image image, String note) {
    }

    // Opening ----------------------------------------------------------------------------------

    public void chooseImageForNewProject() {
        chooseImage("New project from an image", preferences.lastImageFolder(), preferences::setLastImageFolder)
                .ifPresent(this::newProject);
    }

    /** Makes a project in the projects folder from an image (also what dropping an image does). */
    public void newProject(Path image) {
        Path folder = ProjectStore.newFolder(StudioHome.projectsFolder(), image);
        load("Creating project from " + image.getFileName(), () -> {
            ProjectStore.Created created = ProjectStore.create(image, folder);
            String note = created.maskFromAlpha() ? "The image's transparency was taken as the polyp mask." : "Paint the polyp to make its mask.";
            return loaded(created.project(), created.mask(), note);
        }, "Could not create a project from " + image.getFileName());
    }

    public void chooseProjectToOpen() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open project folder");
        Path start = preferences.lastProjectFolder() != null ? preferences.lastProjectFolder() : existing(StudioHome.projectsFolder());
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            preferences.setLastProjectFolder(folder.toPath().getParent());
            open(folder.toPath());
        }
    }

    public void open(Path folder) {
        load("Opening " + folder.getFileName(), () -> {
            Project opened = ProjectStore.open(folder);
            return loaded(opened, ProjectStore.loadMask(opened), "");
        }, "Could not open the project");
    }

    public void openDemo() {
        load("Opening the demo project", () -> {
            Project demo = DemoProject.openOrCreate(StudioHome.projectsFolder());
            return loaded(demo, ProjectStore.loadMask(demo), "Demo image: PolypGen, CC BY 4.0 (Help > About).");
        }, "Could not open the demo project");
    }

    /** Opens the last project of the previous session, or the demo on a first start. */
    public void openStartProject() {
        List<Path> recent = preferences.recentProjects();
        if (!recent.isEmpty() && Files.isRegularFile(recent.get(0).resolve(Project.DESCRIPTOR))) {
            open(recent.get(0));
        } else {
            openDemo();
        }
    }

    /** Opens a dropped file: a project folder or its project.json, or an image for a new project. */
    public void openDropped(Path file) {
        if (Files.isDirectory(file) || file.getFileName().toString().equals(Project.DESCRIPTOR)) {
            open(file);
        } else {
            newProject(file);
        }
    }

    private static Loaded loaded(Project project, MaskRaster mask, String note) throws InvalidInputException {
        Image image = new Image(project.imageFile().toUri().toString());
        if (image.isError()) {
            throw new InvalidInputException("The project's image " + project.imageFile() + " cannot be shown ("
                    + image.getException().getMessage() + ").", image.getException());
        }
        return new Loaded(project, mask, image, note);
    }

    /** Asked before another project replaces this one (a training run may need stopping). */
    public void setLeaveCheck(BooleanSupplier check) {
        leaveCheck = check;
    }

    private void load(String description, java.util.concurrent.Callable<Loaded> work, String errorTitle) {
        if (!leaveCheck.getAsBoolean() || !saveBeforeLeaving()) {
            return;
        }
        // No edits while the next project loads: they would be lost when it replaces the mask.
        canvas.setDisable(true);
        tasks.run(description, work, this::show, error -> {
            canvas.setDisable(false);
            Dialogs.error(owner, errorTitle, error);
        });
    }

    private void show(Loaded loaded) {
        // Detached first, so nothing of the new mask can be saved into the old project's file.
        autosave.detach();
        editor.load(loaded.mask());
        canvas.show(loaded.image());
        autosave.attach(loaded.project().maskFile());
        canvas.setDisable(false);
        project.set(loaded.project());
        preferences.addRecentProject(loaded.project().folder());
        status.messageProperty().set(String.format(Locale.ROOT, "%s: %dx%d pixels, in %s. %s", loaded.project().name(),
                loaded.project().width(), loaded.project().height(), loaded.project().folder(), loaded.note()).trim());
    }

    // Masks ------------------------------------------------------------------------------------

    public void chooseMaskToImport() {
        if (project.get() == null) {
            return;
        }
        chooseImage("Import mask", preferences.lastMaskFolder(), preferences::setLastMaskFolder).ifPresent(this::importMask);
    }

    /** Reads a mask file (threshold 128 over the brightest channel) and puts it in as one undoable step. */
    public void importMask(Path file) {
        tasks.run("Reading mask " + file.getFileName(), () -> MaskFiles.read(file),
                mask -> acceptImportedMask(mask, file), error -> Dialogs.error(owner, "Could not import the mask", error));
    }

    private void acceptImportedMask(MaskRaster mask, Path file) {
        if (mask.width() != editor.width() || mask.height() != editor.height()) {
            String question = String.format(Locale.ROOT,
                    "The mask %s is %dx%d pixels but the image is %dx%d pixels. A mask made for another image "
                            + "will not fit the polyp. Resize this mask to %dx%d (nearest neighbour, stays binary)?",
                    file.getFileName(), mask.width(), mask.height(), editor.width(), editor.height(), editor.width(), editor.height());
            if (!Dialogs.confirm(owner, "The mask has another size", question, "Resize mask", "Cancel")) {
                status.messageProperty().set("Mask import cancelled: " + file.getFileName() + " has another size than the image.");
                return;
            }
            mask = MaskFiles.resizedNearest(mask, editor.width(), editor.height());
        }
        editor.replace(mask);
        status.messageProperty().set("Imported mask " + file.getFileName() + " (Ctrl+Z undoes it).");
    }

    public void chooseMaskExport() {
        if (project.get() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export mask as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(project.get().name() + "_mask.png");
        setInitialFolder(chooser, preferences.lastMaskFolder());
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            Path target = file.getName().toLowerCase(Locale.ROOT).endsWith(".png") ? file.toPath() : Path.of(file.getPath() + ".png");
            preferences.setLastMaskFolder(target.getParent());
            MaskRaster copy = editor.snapshot();
            tasks.run("Exporting mask", () -> {
                MaskFiles.write(copy, target);
                return target;
            }, written -> status.messageProperty().set("Mask exported to " + written + " (binary PNG, 0 and 255)."),
                    error -> Dialogs.error(owner, "Could not export the mask", error));
        }
    }

    /** File > Save: the mask is autosaved anyway; this makes sure it is on disk now. */
    public void save() {
        saveThen(() -> {
        });
    }

    /**
     * Writes pending mask edits off the UI thread, then runs {@code next} on it (before training,
     * so the engine reads what the user sees). When the write fails the user is told why and
     * {@code next} does not run.
     */
    public void saveThen(Runnable next) {
        Project current = project.get();
        if (current == null) {
            return;
        }
        autosave.save().whenComplete((ok, error) -> {
            if (error == null) {
                status.messageProperty().set("Mask saved to " + current.maskFile());
                next.run();
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                Dialogs.message(owner, Alert.AlertType.ERROR, "Could not save the mask",
                        UserMessages.saveFailed(current.maskFile(), cause instanceof IOException io ? io : new IOException(cause)));
            }
        });
    }

    /**
     * Before the window closes or another project opens: saves pending mask edits; if that fails,
     * asks whether to go on and lose them. True when it is fine to go on.
     */
    public boolean saveBeforeLeaving() {
        try {
            autosave.saveNow();
            return true;
        } catch (IOException e) {
            return Dialogs.confirm(owner, "Unsaved mask changes",
                    UserMessages.saveFailed(project.get().maskFile(), e) + "\n\nGo on and lose the latest mask edits?",
                    "Discard edits", "Keep working");
        }
    }

    /** An image file from an open dialog that starts in the last folder, which it then remembers. */
    private Optional<Path> chooseImage(String title, Path lastFolder, Consumer<Path> rememberFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", IMAGE_PATTERNS));
        setInitialFolder(chooser, lastFolder);
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        rememberFolder.accept(file.toPath().getParent());
        return Optional.of(file.toPath());
    }

    private static void setInitialFolder(FileChooser chooser, Path folder) {
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
    }

    private static Path existing(Path folder) {
        return Files.isDirectory(folder) ? folder : null;
    }
}
