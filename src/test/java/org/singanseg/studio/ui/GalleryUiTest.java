package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.ui.main.WorkflowStep;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * The gallery in the real window (headless): a tiny model in the demo project, Generate makes three
 * pairs that appear in the grid, K keeps one, Export with "only kept" writes exactly that pair in
 * the Kvasir-SEG layout; a double click compares a sample with the real image.
 */
class GalleryUiTest extends StudioWindowTest {
    @BeforeAll
    static void prepare() throws Exception {
        fixture.installTinyModel();
    }

    @Test
    void generateKeepOneAndExportOnlyTheKeptPair() throws Exception {
        fixture.closeDialogs(robot);
        await(60, "gallery enabled", () -> !robot.lookup("#step-gallery").query().isDisabled());
        robot.clickOn("#step-gallery");
        Spinner<?> count = robot.lookup("#generate-count").queryAs(Spinner.class);
        robot.interact(() -> count.getEditor().setText("3"));
        await(60, "model described", () -> !((Label) robot.lookup("#generate-message").query()).getText()
                .startsWith("The model cannot"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#generate-start");
        await(120, "three samples", () -> app.gallery().records().size() == 3 && !app.generator().runningProperty().get());
        assertEquals("Generated 3 pairs.", ((Label) robot.lookup("#generate-message").query()).getText());

        SampleRecord first = app.gallery().records().get(0);
        await(30, "first cell shown", () -> shownCell(first.name()).isPresent());
        robot.clickOn(shownCell(first.name()).orElseThrow());
        robot.type(KeyCode.K);
        assertEquals(Review.KEPT, app.gallery().records().get(0).review());

        // The list view's patch-distance column orders the gallery itself.
        robot.clickOn("#gallery-list-mode");
        robot.clickOn("Distance to real");
        List<Double> distances = app.gallery().shown().stream().map(SampleRecord::patchDistance).toList();
        assertEquals(distances.stream().sorted().toList(), distances);
        robot.clickOn("Distance to real");
        assertEquals(distances.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                app.gallery().shown().stream().map(SampleRecord::patchDistance).toList());

        Path out = fixture.home.resolve("export-kept");
        robot.clickOn("#gallery-export");
        await(20, "export dialog", () -> robot.lookup("#export-folder").tryQuery().isPresent());
        TextField folder = robot.lookup("#export-folder").queryAs(TextField.class);
        robot.interact(() -> folder.setText(out.toString()));
        assertTrue(robot.lookup("#export-kept-only").queryAs(CheckBox.class).isSelected(), "kept only by default");
        robot.clickOn("Export");
        await(60, "export written", () -> Files.isRegularFile(out.resolve("manifest.csv")));
        assertEquals(List.of(first.name() + ".png"), names(out.resolve("images")));
        assertEquals(List.of(first.name() + ".png"), names(out.resolve("masks")));
        List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
        assertEquals(2, manifest.size(), "header and one pair: " + manifest);
        assertTrue(manifest.get(1).contains(first.name()), manifest.get(1));
        assertTrue(Files.isRegularFile(out.resolve("dataset.json")));
        fixture.closeDialogs(robot);

        // The keep mark reached the project's catalog on disk.
        Project project = app.projects().projectProperty().get();
        await(10, "catalog saved", () -> SampleCatalog.open(project.samplesFolder()).get(first.name()).review() == Review.KEPT);

        // A styled copy of the kept pair appears beside it, same mask, its style recorded.
        robot.clickOn("#gallery-grid-mode");
        robot.clickOn(shownCell(first.name()).orElseThrow());
        robot.clickOn("#gallery-style");
        robot.clickOn("OK");
        await(60, "styled copy", () -> app.gallery().records().size() == 4 && !app.generator().runningProperty().get());
        SampleRecord styled = app.gallery().records().get(3);
        assertTrue(styled.style().startsWith("colour match"), styled.style());
        assertEquals(first.seed(), styled.seed());
        assertEquals(first.index(), styled.index());
        SampleCatalog catalog = app.gallery().catalogProperty().get();
        assertTrue(java.util.Arrays.equals(pixels(catalog.maskFile(first.name())), pixels(catalog.maskFile(styled.name()))),
                "the mask is never changed");

        doubleClickCell(app.gallery().shown().get(0).name());
        await(10, "compare shown", () -> app.window().stepProperty().get() == WorkflowStep.COMPARE);
        // The figures are filled once both images are read.
        await(30, "distance shown", () -> robot.lookup("#compare-distance").tryQuery()
                .map(label -> ((Label) label).getText().matches("\\d+\\.\\d{3}")).orElse(false));
    }

    private static int[] pixels(Path png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void await(int seconds, String what, Callable<Boolean> condition) {
        StudioAppFixture.await(seconds, what, condition, () -> "generate says: " + app.generator().messageProperty().get());
    }

    /** Double-clicks a sample's cell, looking it up again if the grid recycled it meanwhile. */
    private void doubleClickCell(String name) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                robot.doubleClickOn(shownCell(name).orElseThrow());
                return;
            } catch (RuntimeException recycled) {
                if (attempt == 5) {
                    throw recycled;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * The gallery cell showing a sample: the grid keeps recycled cells out of the scene, and one of
     * those can still carry the sample's id.
     */
    private java.util.Optional<javafx.scene.Node> shownCell(String name) {
        return robot.lookup("#sample-" + name).match(node -> node.getScene() != null && node.isVisible()).tryQuery();
    }
}
