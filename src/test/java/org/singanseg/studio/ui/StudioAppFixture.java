package org.singanseg.studio.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.testing.TinyModels;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

/**
 * The real app, started headless for a UI test class with its own preferences and projects
 * folders, opened on the demo project; closed again with every window it left.
 */
final class StudioAppFixture {
    final Path home;
    final Stage stage;
    final StudioApp app;

    private StudioAppFixture(Path home, Stage stage, StudioApp app) {
        this.home = home;
        this.stage = stage;
        this.app = app;
    }

    static StudioAppFixture launch() throws Exception {
        Path home = Files.createTempDirectory("studio-ui-test");
        System.setProperty("studio.home", home.resolve("home").toString());
        System.setProperty("studio.projects", home.resolve("projects").toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        StudioApp app = (StudioApp) FxToolkit.setupApplication(StudioApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.projects().projectProperty().get() != null
                && app.editor().figuresProperty().get() != null);
        return new StudioAppFixture(home, stage, app);
    }

    /**
     * Puts the shared tiny model into the open project, as a finished training on the project's
     * image and mask would, and shows it.
     */
    Project installTinyModel() throws Exception {
        Project project = app.projects().projectProperty().get();
        SinGanModel tiny = TinyModels.trained();
        SourceInfo source = SourceInfo.of(project.imageFile(), project.maskFile(),
                TrainingPair.load(project.imageFile(), project.maskFile()));
        ModelFile.save(new SinGanModel(tiny.settings(), tiny.pyramid(), source, tiny.scales()), project.modelFile());
        new FxRobot().interact(() -> app.training().inspect(project));
        return project;
    }

    /** Closes dialogs a test left open. */
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close()));
    }

    /**
     * Waits for a condition, checked on the UI thread (scene lookups from another thread met a
     * scene graph that the UI thread was changing); on time-out fails naming it and what
     * {@code context} says then, and leaves a picture of every open window in target/ui-failures/
     * to see what the user would have.
     */
    static void await(int seconds, String what, Callable<Boolean> condition, Supplier<String> context) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("not reached within " + seconds + " s: " + what + "; " + context.get()
                    + "; windows: " + snapshotWindows(what));
        }
    }

    private static List<Path> snapshotWindows(String what) {
        List<Path> files = new ArrayList<>();
        new FxRobot().interact(() -> {
            List<Window> windows = List.copyOf(Window.getWindows());
            for (int i = 0; i < windows.size(); i++) {
                Path file = Path.of("target", "ui-failures", what.replaceAll("\\W+", "-") + "-" + i + ".png");
                try {
                    writePng(windows.get(i).getScene().snapshot(null), file);
                    files.add(file);
                } catch (IOException e) {
                    files.add(Path.of("(not written: " + e.getMessage() + ")"));
                }
            }
        });
        return files;
    }

    private static void writePng(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        picture.setRGB(0, 0, w, h, pixels, 0, w);
        Files.createDirectories(file.getParent());
        ImageIO.write(picture, "png", file.toFile());
    }

    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
