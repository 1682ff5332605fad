package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.core.samples.SampleWriter;
import org.testfx.api.FxRobot;

import javafx.animation.AnimationTimer;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The gallery with 10,000 samples (copies of one pair on disk, as after a long Generate run):
 * the catalog opens, and scrolling the grid from top to bottom, a screenful per frame, never makes
 * the UI thread work or wait 100 ms between two frames (thumbnails load off it).
 */
class GalleryScrollUiTest extends StudioWindowTest {
    private static final int SAMPLES = 10_000;

    @BeforeAll
    static void prepare() throws Exception {
        Project project = fixture.installTinyModel();
        fillCatalog(project);
        new FxRobot().interact(() -> app.library().open(project));
    }

    /** One real sample written by the app's writer, then its files copied under 9,999 more names. */
    private static void fillCatalog(Project project) throws Exception {
        SampleCatalog catalog = SampleCatalog.open(project.samplesFolder());
        Planes rgb = Planes.zeros(3, 77, 96);
        boolean[] mask = new boolean[77 * 96];
        for (int i = 0; i < mask.length; i++) {
            rgb.data()[i % 3][i] = (i % 96) / 96f;
            mask[i] = i % 96 > 30 && i % 96 < 60 && i / 96 > 20 && i / 96 < 50;
        }
        SampleRecord first = new SampleWriter(catalog, "model.singan", p -> 1.0)
                .write(new SamplePair(rgb, mask), new SampleWriter.Origin(1, 0, 0, 1, 1, SampleRecord.NO_STYLE));
        for (int i = 1; i < SAMPLES; i++) {
            String name = catalog.newName();
            Files.copy(catalog.imageFile(first.name()), catalog.imageFile(name));
            Files.copy(catalog.maskFile(first.name()), catalog.maskFile(name));
            Files.copy(catalog.thumbnailFile(first.name()), catalog.thumbnailFile(name));
            catalog.add(new SampleRecord(name, first.model(), 1, i, 0, 1, 1, first.width(), first.height(),
                    first.maskCoverage(), first.maskRegions(), i % 97, SampleRecord.NO_STYLE, Review.UNREVIEWED,
                    Instant.now()));
        }
        catalog.save();
    }

    @Test
    void scrollingTenThousandSamplesKeepsTheWindowResponsive() throws Exception {
        fixture.closeDialogs(robot);
        StudioAppFixture.await(60, "10,000 samples listed", () -> app.gallery().records().size() == SAMPLES,
                () -> "listed: " + app.gallery().records().size());
        StudioAppFixture.await(60, "gallery enabled", () -> !robot.lookup("#step-gallery").query().isDisabled(), () -> "");
        robot.clickOn("#step-gallery");
        VirtualFlow<?> flow = robot.lookup("#gallery-grid .virtual-flow").queryAs(VirtualFlow.class);

        PulseGaps gaps = new PulseGaps();
        AnimationTimer scroller = new AnimationTimer() {
            @Override
            public void handle(long now) {
                flow.scrollPixels(flow.getHeight());
            }
        };
        robot.interact(() -> {
            gaps.start();
            scroller.start();
        });
        // await reads the flow on the UI thread: read from here, it can be caught half-updated.
        StudioAppFixture.await(120, "the end of the grid", () -> {
            IndexedCell<?> last = flow.getLastVisibleCell();
            return last != null && last.getIndex() == flow.getCellCount() - 1;
        }, () -> "at row " + flow.getFirstVisibleCell().getIndex() + " of " + flow.getCellCount());
        robot.interact(() -> {
            scroller.stop();
            gaps.stop();
        });
        gaps.assertSmooth("a scroll through " + SAMPLES + " samples (" + flow.getCellCount() + " rows)", 20);
        assertTrue(flow.getCellCount() > 100, "rows: " + flow.getCellCount());
        assertEquals(SAMPLES, app.gallery().shown().size());
    }
}
