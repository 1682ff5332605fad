package org.singanseg.studio.core.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MaskHistoryTest {

    @Test
    void undoAndRedoWalkBackAndForthThroughEveryStep() {
        MaskRaster mask = new MaskRaster(64, 48);
        MaskHistory history = new MaskHistory(mask);
        List<boolean[]> states = new ArrayList<>();
        states.add(mask.toBooleans());
        for (int step = 0; step < 60; step++) {
            PixelRegion changed = Brush.stroke(mask, step % 64, (step * 7) % 48, (step * 13) % 64, (step * 5) % 48, 3 + step % 5, step % 3 != 0);
            history.record(mask, changed);
            if (!java.util.Arrays.equals(states.get(states.size() - 1), mask.toBooleans())) {
                states.add(mask.toBooleans()); // an edit that changed nothing is no step
            }
        }
        int undone = 0;
        while (history.canUndo()) {
            history.undo(mask);
            undone++;
            assertArrayEquals(states.get(states.size() - 1 - undone), mask.toBooleans(), "after " + undone + " undos");
        }
        assertTrue(undone >= MaskHistory.MIN_STEPS, "kept " + undone + " steps");
        while (history.canRedo()) {
            history.redo(mask);
            undone--;
        }
        assertEquals(0, undone);
        assertArrayEquals(states.get(states.size() - 1), mask.toBooleans());
    }

    @Test
    void aNewEditDropsTheRedoSteps() {
        MaskRaster mask = new MaskRaster(10, 10);
        MaskHistory history = new MaskHistory(mask);
        history.record(mask, mask.fill(true));
        history.undo(mask);
        assertTrue(history.canRedo());
        history.record(mask, Brush.stroke(mask, 5, 5, 5, 5, 2, true));
        assertFalse(history.canRedo());
        assertEquals(4, mask.countInside());
    }

    @Test
    void fullImageStepsOfALargeMaskStayCompact() {
        MaskRaster mask = new MaskRaster(4000, 3000);
        MaskHistory history = new MaskHistory(mask);
        for (int i = 0; i < 60; i++) {
            history.record(mask, mask.invert());
        }
        for (int i = 0; i < 60; i++) {
            assertTrue(history.canUndo(), "step " + i);
            history.undo(mask);
        }
        assertEquals(0, mask.countInside());
    }

    @Test
    void unchangedRegionsAreNotRecorded() {
        MaskRaster mask = new MaskRaster(10, 10);
        MaskHistory history = new MaskHistory(mask);
        history.record(mask, Brush.stroke(mask, 5, 5, 5, 5, 2, false));
        assertFalse(history.canUndo());
    }
}
