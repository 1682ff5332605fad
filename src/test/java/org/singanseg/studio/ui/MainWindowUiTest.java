package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.testing.TestData;
import org.testfx.util.WaitForAsyncUtils;

import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * Drives the real main window headless (Monocle): the demo project opens, a brush drag paints
 * exactly under the stroke, undo takes it back, a mask of another size is refused with both sizes,
 * an empty mask warns before training.
 */
class MainWindowUiTest extends StudioWindowTest {
    @BeforeEach
    void closeDialogs() {
        fixture.closeDialogs(robot);
    }

    @Test
    void theDemoProjectOpensWithItsMask() throws Exception {
        assertTrue(fixture.stage.getTitle().startsWith("Demo polyp (PolypGen)"), fixture.stage.getTitle());
        Path folder = fixture.home.resolve("projects").resolve("Demo polyp (PolypGen)");
        assertTrue(Files.isRegularFile(folder.resolve("project.json")));
        MaskRaster demoMask = MaskFiles.read(Path.of("assets", "demo", "polyp-mask.jpg"));
        robot.interact(() -> app.editor().load(demoMask.copy()));
        WaitForAsyncUtils.waitForFxEvents();
        String figures = robot.lookup("#mask-figures").queryAs(Label.class).getText();
        assertTrue(figures.matches("Mask: \\d+\\.\\d% of the image, 1 region"), figures);
        assertEquals(720, app.editor().width());
    }

    @Test
    void aBrushDragPaintsExactlyUnderTheStrokeAndUndoTakesItBack() {
        robot.interact(() -> {
            app.editor().clear();
            app.editor().brushSizeProperty().set(12);
        });
        robot.clickOn("#tool-brush");
        MaskRaster before = app.editor().snapshot();
        assertEquals(0, before.countInside());
        Point2D from = screen(200, 300);
        Point2D to = screen(450, 330);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        Point2D a = image(from);
        Point2D b = image(to);
        double slack = 1.5 / app.maskCanvas().zoomProperty().get(); // a screen pixel either way
        MaskRaster after = app.editor().snapshot();
        int painted = 0;
        for (int y = 0; y < after.height(); y++) {
            for (int x = 0; x < after.width(); x++) {
                double d = distanceToSegment(x + 0.5, y + 0.5, a, b);
                if (d < 6 - slack) {
                    assertTrue(after.get(x, y), "pixel under the stroke " + x + "," + y);
                }
                if (after.get(x, y)) {
                    painted++;
                    assertTrue(d <= 6 + slack, "pixel off the stroke " + x + "," + y + " at " + d);
                }
            }
        }
        assertTrue(painted > 250 * 12 * 0.9, "painted " + painted);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.editor().snapshot().countInside(), "undo restores the mask");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(painted, app.editor().snapshot().countInside(), "redo paints it again");
    }

    @Test
    void aMaskOfAnotherSizeIsRefusedWithBothSizesOrResizedOnRequest(@TempDir Path dir) throws Exception {
        robot.interact(() -> app.editor().clear());
        Path otherSize = TestData.maskOfAnotherSize(dir); // the demo image is 720x576
        robot.interact(() -> app.projects().importMask(otherSize));
        DialogPane dialog = waitForDialog();
        String text = ((Label) dialog.getContent()).getText();
        assertTrue(text.contains(TestData.Size.of(otherSize).toString()) && text.contains("720x576"), text);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.editor().snapshot().countInside(), "cancel leaves the mask alone");

        robot.interact(() -> app.projects().importMask(otherSize));
        waitForDialog();
        robot.clickOn("Resize mask");
        WaitForAsyncUtils.waitForFxEvents();
        MaskRaster expected = MaskFiles.resizedNearest(MaskFiles.read(otherSize), 720, 576);
        assertEquals(expected.countInside(), app.editor().snapshot().countInside());
    }

    @Test
    void openingALargerImageNextLeavesTheFirstProjectsMaskAlone(@TempDir Path dir) throws Exception {
        Path demoMask = app.projects().projectProperty().get().maskFile();
        robot.interact(() -> app.editor().invert());
        robot.interact(() -> app.projects().save());
        byte[] saved = Files.readAllBytes(demoMask);

        Path larger = TestData.largerThanDemo(dir);
        int width = TestData.Size.of(larger).width();
        robot.interact(() -> app.projects().newProject(larger));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.editor().hasMask() && app.editor().width() == width);
        robot.interact(() -> app.editor().beginStroke(100, 100, false));
        robot.interact(() -> app.editor().endStroke());
        Thread.sleep(2500); // longer than the autosave delay
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, robot.lookup(".dialog-pane").queryAll().size(), "no error on the way");
        assertTrue(java.util.Arrays.equals(saved, Files.readAllBytes(demoMask)), "the demo's mask file is untouched");
        assertEquals(app.editor().snapshot().countInside(),
                MaskFiles.read(app.projects().projectProperty().get().maskFile()).countInside(), "edits go to the new project");

        robot.interact(() -> app.projects().openDemo());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.editor().width() == 720);
        robot.interact(() -> app.editor().invert());
    }

    @Test
    void goingToTrainingWithAnEmptyMaskWarnsAndNamesTheProblem() {
        robot.interact(() -> app.editor().clear());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#step-train");
        DialogPane dialog = waitForDialog();
        assertTrue(((Label) dialog.getContent()).getText().startsWith("The mask is empty"));
        robot.clickOn("OK");
        assertTrue(robot.lookup(".train-view").query().isVisible());
        robot.clickOn("#step-mask");
        assertFalse(robot.lookup(".train-view").query().isVisible());
    }

    private DialogPane waitForDialog() {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no dialog appeared", e);
        }
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private Point2D screen(double imageX, double imageY) {
        return app.maskCanvas().localToScreen(app.maskCanvas().fromImage(imageX, imageY));
    }

    private Point2D image(Point2D screen) {
        Point2D local = app.maskCanvas().screenToLocal(screen);
        return app.maskCanvas().toImage(local.getX(), local.getY());
    }

    private static double distanceToSegment(double px, double py, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double t = Math.max(0, Math.min(1, ((px - a.getX()) * dx + (py - a.getY()) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - a.getX() - t * dx, py - a.getY() - t * dy);
    }
}
