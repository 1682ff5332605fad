package org.singanseg.studio.ui.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.mask.PixelRegion;
import org.singanseg.studio.core.mask.PolygonFill;
import org.singanseg.studio.testing.TestData;

/** The mask editor's view model, driven without a screen (direct executors). */
class MaskEditorModelTest {
    private final MaskEditorModel model = new MaskEditorModel(Runnable::run, Runnable::run);

    @Test
    void aDragIsOneUndoStepAndPaintsOnlyAlongThePath() {
        model.load(new MaskRaster(100, 80));
        model.brushSizeProperty().set(10);
        model.beginStroke(20, 40, false);
        model.continueStroke(50, 40);
        model.continueStroke(80, 40);
        model.endStroke();
        MaskRaster painted = model.snapshot();
        assertTrue(painted.get(50, 40) && painted.get(79, 44) && painted.get(16, 40));
        assertFalse(painted.get(50, 30) || painted.get(50, 50) || painted.get(10, 40));
        assertEquals(1, model.figuresProperty().get().regions());

        model.undo();
        assertEquals(0, model.snapshot().countInside(), "one undo removes the whole stroke");
        assertTrue(model.canRedoProperty().get());
        model.redo();
        assertArrayEquals(painted.toBooleans(), model.snapshot().toBooleans());
    }

    @Test
    void eraserAndRightButtonRemove() {
        MaskRaster full = new MaskRaster(50, 50);
        full.fill(true);
        model.load(full);
        model.brushSizeProperty().set(6);
        model.toolProperty().set(MaskTool.ERASER);
        model.beginStroke(10, 10, false);
        model.endStroke();
        assertFalse(model.snapshot().get(10, 10));
        model.toolProperty().set(MaskTool.BRUSH);
        model.beginStroke(30, 30, true);
        model.endStroke();
        assertFalse(model.snapshot().get(30, 30));
        assertTrue(model.snapshot().get(20, 20));
    }

    @Test
    void fillPolygonClearInvertAndReplaceAreUndoable() {
        model.load(new MaskRaster(40, 40));
        List<boolean[]> states = new ArrayList<>();
        states.add(model.snapshot().toBooleans());
        model.fillPolygon(List.of(new PolygonFill.Point(5, 5), new PolygonFill.Point(30, 5), new PolygonFill.Point(30, 30)), false);
        states.add(model.snapshot().toBooleans());
        model.invert();
        states.add(model.snapshot().toBooleans());
        model.floodFill(1, 38, true);
        states.add(model.snapshot().toBooleans());
        MaskRaster imported = new MaskRaster(40, 40);
        imported.set(3, 3, true);
        model.replace(imported);
        states.add(model.snapshot().toBooleans());
        model.clear();
        assertEquals(0, model.snapshot().countInside());
        for (int i = states.size() - 1; i >= 0; i--) {
            model.undo();
            assertArrayEquals(states.get(i), model.snapshot().toBooleans(), "undo to state " + i);
        }
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void importOfAnotherSizeIsRefused() {
        model.load(new MaskRaster(40, 40));
        assertThrows(IllegalArgumentException.class, () -> model.replace(new MaskRaster(20, 40)));
    }

    @Test
    void figuresFollowEveryEditOfARealMask() throws Exception {
        MaskRaster real = MaskFiles.read(TestData.smallMask());
        model.load(real.copy());
        MaskFigures before = model.figuresProperty().get();
        assertEquals(real.countInside(), before.insidePixels());
        assertEquals(MaskFigures.of(real).regions(), before.regions());
        model.brushSizeProperty().set(4);
        model.beginStroke(2, 2, false);
        model.endStroke();
        assertEquals(before.regions() + 1, model.figuresProperty().get().regions(), "a dot in a corner is a new region");
        model.clear();
        assertTrue(model.figuresProperty().get().isEmpty());
    }

    @Test
    void changeListenersGetTheDirtyRegionOnly() {
        model.load(new MaskRaster(200, 100));
        List<PixelRegion> regions = new ArrayList<>();
        model.addChangeListener(regions::add);
        long revision = model.revisionProperty().get();
        model.brushSizeProperty().set(10);
        model.beginStroke(100, 50, false);
        model.endStroke();
        assertEquals(1, regions.size());
        PixelRegion region = regions.get(0);
        assertTrue(region.width() <= 12 && region.height() <= 12, region.toString());
        assertTrue(region.x() <= 95 && region.right() >= 105);
        assertNotEquals(revision, model.revisionProperty().get());
    }

    @Test
    void brushSizeKeysAndLimits() {
        model.brushSizeProperty().set(20);
        model.growBrush();
        assertTrue(model.brushSizeProperty().get() > 20);
        model.brushSizeProperty().set(1);
        model.shrinkBrush();
        assertEquals(MaskEditorModel.MIN_BRUSH, model.brushSizeProperty().get());
        model.brushSizeProperty().set(10_000);
        assertEquals(MaskEditorModel.MAX_BRUSH, model.brushSizeProperty().get());
    }
}
