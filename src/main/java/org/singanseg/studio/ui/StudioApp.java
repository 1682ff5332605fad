package org.singanseg.studio.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.ui.common.BackgroundTasks;
import org.singanseg.studio.ui.common.Dialogs;
import org.singanseg.studio.ui.common.EngineExecutor;
import org.singanseg.studio.ui.common.StatusModel;
import org.singanseg.studio.ui.common.WarningBanner;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.ui.compare.CompareView;
import org.singanseg.studio.ui.dataset.DatasetService;
import org.singanseg.studio.ui.dataset.DatasetWindow;
import org.singanseg.studio.ui.dataset.EvaluateService;
import org.singanseg.studio.ui.dataset.EvaluateWindow;
import org.singanseg.studio.ui.gallery.ExportController;
import org.singanseg.studio.ui.gallery.GalleryModel;
import org.singanseg.studio.ui.gallery.GalleryView;
import org.singanseg.studio.ui.gallery.GeneratePanel;
import org.singanseg.studio.ui.gallery.GenerateService;
import org.singanseg.studio.ui.gallery.SampleLibrary;
import org.singanseg.studio.ui.gallery.StyleWeights;
import org.singanseg.studio.ui.gallery.ThumbnailCache;
import org.singanseg.studio.ui.main.MainWindow;
import org.singanseg.studio.ui.main.WorkflowStep;
import org.singanseg.studio.ui.main.ProjectController;
import org.singanseg.studio.ui.mask.MaskAutosave;
import org.singanseg.studio.ui.mask.MaskCanvas;
import org.singanseg.studio.ui.mask.MaskEditorModel;
import org.singanseg.studio.ui.mask.MaskView;
import org.singanseg.studio.ui.prefs.StudioHome;
import org.singanseg.studio.ui.prefs.StudioPreferences;
import org.singanseg.studio.ui.train.TrainView;
import org.singanseg.studio.ui.train.TrainingController;
import org.singanseg.studio.ui.train.TrainingService;
import org.singanseg.studio.ui.train.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * Wires the desktop app: threads, models, views. Three background threads: "engine" for all ND4J
 * work (one thread, as ND4J wants), "files" for reading and writing, "mask-figures" for the live
 * mask counts. The JavaFX thread never waits on any of them.
 */
public final class StudioApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);
    private static final long AUTOSAVE_DELAY_MILLIS = 1500;

    private final EngineExecutor engine = new EngineExecutor(daemon("engine"));
    private final ScheduledExecutorService files = Executors.newSingleThreadScheduledExecutor(daemon("files"));
    private final ExecutorService figures = Executors.newSingleThreadExecutor(daemon("mask-figures"));
    private final ExecutorService thumbnails = ThumbnailCache.newestFirstLoader();
    // Exports and downloads take minutes: not on "files", where mask autosave must never wait.
    private final ExecutorService transfers = Executors.newSingleThreadExecutor(daemon("transfers"));
    private final StatusModel status = new StatusModel();
    private StudioPreferences preferences;
    private MaskEditorModel editor;
    private ProjectController projects;
    private MaskView maskView;
    private TrainingService training;
    private TrainingViewModel trainingModel;
    private TrainingController trainingController;
    private GalleryModel gallery;
    private SampleLibrary library;
    private GenerateService generator;
    private MainWindow window;
    private DatasetWindow datasetWindow;
    private EvaluateWindow evaluateWindow;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on {}", thread.getName(), error);
            Platform.runLater(() -> Dialogs.error(stage, "Unexpected error", error));
        });
        preferences = StudioPreferences.load(StudioHome.preferencesFile());
        editor = new MaskEditorModel(figures, Platform::runLater);
        applyPreferences();
        MaskAutosave autosave = new MaskAutosave(editor, files, Platform::runLater, AUTOSAVE_DELAY_MILLIS,
                problem -> status.messageProperty().set(problem));
        maskView = new MaskView(editor);
        BackgroundTasks tasks = new BackgroundTasks(files, Platform::runLater, status);
        projects = new ProjectController(stage, preferences, editor, autosave, maskView.canvas(), tasks, status);
        trainingModel = new TrainingViewModel();
        training = new TrainingService(engine, Platform::runLater, trainingModel);
        trainingController = new TrainingController(stage, training, trainingModel, projects.projectProperty(),
                () -> editor.figuresProperty().get(), projects::saveThen, status);
        projects.setLeaveCheck(trainingController::mayLeave);
        TrainView trainView = new TrainView(trainingModel, training, trainingController,
                () -> window.stepProperty().set(WorkflowStep.GALLERY));
        // A mask written to disk (edits, an import, an undo) may no longer be the one the model learnt.
        autosave.unsavedProperty().addListener((obs, was, unsaved) -> {
            if (!unsaved) {
                training.recheckSources();
            }
        });
        BooleanBinding modelReady = Bindings.createBooleanBinding(
                () -> training.savedProperty().get() != null && training.savedProperty().get().complete(), training.savedProperty());
        BooleanExpression trainingRuns = training.runningProperty();

        gallery = new GalleryModel();
        generator = new GenerateService(engine, Platform::runLater, gallery::added);
        library = new SampleLibrary(gallery, files, tasks, status, generator::activeCatalog);
        GeneratePanel generatePanel = new GeneratePanel(generator, projects.projectProperty()::get,
                gallery.catalogProperty()::get, new StyleWeights(stage, transfers, Platform::runLater), trainingRuns);
        // Pairs from a model of an older mask do not match what the Mask step shows: said above them.
        WarningBanner stale = new WarningBanner("gallery-stale", training.staleModelWarning(), "Retrain…",
                MaterialDesignR.REFRESH, () -> {
                    window.stepProperty().set(WorkflowStep.TRAIN);
                    trainView.startTraining();
                });
        ExportController exports = new ExportController(stage, gallery, projects.projectProperty()::get, transfers,
                Platform::runLater);
        GalleryView galleryView = new GalleryView(gallery, library, new ThumbnailCache(thumbnails, Platform::runLater),
                generatePanel, stale, thumbnails, Platform::runLater, this::openInCompare, exports::export);
        CompareView compareView = new CompareView(gallery, projects.projectProperty()::get, thumbnails, Platform::runLater);
        // A finished model: the open project's (on opening it), or one a training just completed.
        training.savedProperty().addListener((obs, old, run) -> {
            if (run != null && run.complete()) {
                generatePanel.modelChanged();
            }
        });

        window = new MainWindow(stage, projects, editor, maskView, Map.of(WorkflowStep.TRAIN, trainView,
                WorkflowStep.GALLERY, galleryView, WorkflowStep.COMPARE, compareView), datasetMenu(stage, trainingRuns),
                modelReady, preferences, status);
        projects.projectProperty().addListener((obs, old, project) -> {
            savePreferences();
            library.open(project);
        });

        Scene scene = new Scene(window, preferences.windowWidth(), preferences.windowHeight(), Color.web("#2b2b2b"));
        scene.getStylesheets().add(StudioApp.class.getResource("studio.css").toExternalForm());
        stage.setScene(scene);
        stage.getIcons().setAll(icons());
        stage.setMaximized(preferences.windowMaximized());
        stage.setOnCloseRequest(e -> {
            if (trainingController.mayLeave() && projects.saveBeforeLeaving()) {
                generator.cancel();
                library.saveBeforeLeaving();
                rememberWindow(stage);
                savePreferences();
            } else {
                e.consume();
            }
        });
        stage.show();
        describeEngine();
        // A file given on the command line (an image or a project) opens instead of the last project.
        List<String> files = getParameters().getUnnamed();
        if (files.isEmpty()) {
            projects.openStartProject();
        } else {
            projects.openDropped(Path.of(files.get(0)));
        }
    }

    /** Work on many real pairs at once: a synthetic dataset from them, and whether it helps segmentation. */
    private Menu datasetMenu(Stage stage, BooleanExpression trainingRuns) {
        DatasetService datasets = new DatasetService(engine, Platform::runLater);
        MenuItem make = new MenuItem("Make Dataset from Many Pairs…");
        make.setId("menu-make-dataset");
        make.setOnAction(e -> {
            if (datasetWindow == null) {
                datasetWindow = new DatasetWindow(stage, datasets, trainingRuns);
            }
            datasetWindow.show(preferences.lastImageFolder());
        });
        EvaluateService evaluations = new EvaluateService(engine, Platform::runLater);
        MenuItem evaluate = new MenuItem("Evaluate Dataset…");
        evaluate.setId("menu-evaluate");
        evaluate.setOnAction(e -> {
            if (evaluateWindow == null) {
                evaluateWindow = new EvaluateWindow(stage, evaluations);
            }
            evaluateWindow.show();
        });
        return new Menu("Dataset", null, make, evaluate);
    }

    private void openInCompare(SampleRecord record) {
        gallery.click(record, false, false);
        window.stepProperty().set(WorkflowStep.COMPARE);
    }

    // For UI tests, which drive the window and check the model behind it.
    MaskEditorModel editor() {
        return editor;
    }

    ProjectController projects() {
        return projects;
    }

    MaskCanvas maskCanvas() {
        return maskView.canvas();
    }

    TrainingService training() {
        return training;
    }

    TrainingViewModel trainingModel() {
        return trainingModel;
    }

    GalleryModel gallery() {
        return gallery;
    }

    SampleLibrary library() {
        return library;
    }

    GenerateService generator() {
        return generator;
    }

    MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        engine.shutdownNow();
        files.shutdown();
        figures.shutdownNow();
        thumbnails.shutdownNow();
        transfers.shutdownNow();
    }

    /** Loading ND4J's natives takes seconds: on the engine thread, shown when ready. */
    private void describeEngine() {
        engine.execute(() -> {
            String description;
            try {
                description = Backend.describe();
            } catch (Throwable e) {
                LOG.error("The compute engine could not start", e);
                description = "Engine unavailable: " + e.getClass().getSimpleName();
            }
            String shown = description;
            Platform.runLater(() -> status.backendProperty().set(shown));
        });
    }

    /** The app icon (drawn by installer/icon/DrawIcon.java) in sizes for the window manager to pick from. */
    private static List<Image> icons() {
        return List.of(16, 32, 64, 256).stream()
                .map(size -> new Image(StudioApp.class.getResource("app-icon-" + size + ".png").toExternalForm()))
                .toList();
    }

    private void applyPreferences() {
        editor.brushSizeProperty().set(preferences.brushSize());
        editor.overlayOpacityProperty().set(preferences.overlayOpacity());
        editor.outlineModeProperty().set(preferences.outlineMode());
        try {
            editor.overlayColorProperty().set(Color.web(preferences.overlayColor()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring overlay colour {} from the preferences", preferences.overlayColor());
        }
    }

    private void rememberWindow(Stage stage) {
        preferences.setWindow(stage.getWidth(), stage.getHeight(), stage.isMaximized());
        preferences.setBrushSize(editor.brushSizeProperty().get());
        preferences.setOverlayOpacity(editor.overlayOpacityProperty().get());
        preferences.setOutlineMode(editor.outlineModeProperty().get());
        Color colour = editor.overlayColorProperty().get();
        preferences.setOverlayColor(String.format("#%02x%02x%02x", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255)));
    }

    private void savePreferences() {
        try {
            preferences.save(StudioHome.preferencesFile());
        } catch (IOException e) {
            LOG.warn("Could not save the preferences", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
