package org.singanseg.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

class ScaleLossesTest {

    @Test
    void longRunsAreDecimatedEvenlyAndKeepTheFirstPoint() {
        ScaleLosses losses = new ScaleLosses();
        for (int i = 0; i < 10_000; i++) {
            losses.add(new IterationStats(0, i, 10_000, -i, i, 0.1, 2, 1.0 / (i + 1), 0.01, 1));
        }
        List<IterationStats> points = losses.points();
        assertTrue(points.size() <= ScaleLosses.MAX_POINTS && points.size() > ScaleLosses.MAX_POINTS / 2, "kept " + points.size());
        assertEquals(0, points.get(0).iteration());
        int step = points.get(1).iteration() - points.get(0).iteration();
        for (int i = 1; i < points.size(); i++) {
            assertEquals(step, points.get(i).iteration() - points.get(i - 1).iteration(), "even spacing");
        }
        assertTrue(points.get(points.size() - 1).iteration() > 10_000 - 2 * step, "reaches the end");
        assertEquals(-points.get(5).iteration(), Loss.CRITIC_REAL.of(points.get(5)));
    }

    @Test
    void shortRunsKeepEveryPoint() {
        ScaleLosses losses = new ScaleLosses();
        for (int i = 0; i < 300; i++) {
            losses.add(new IterationStats(0, i, 300, 0, 0, 0, 0, 0, 0, 0));
        }
        assertEquals(300, losses.size());
    }
}
