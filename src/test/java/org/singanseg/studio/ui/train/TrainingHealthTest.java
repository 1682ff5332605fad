package org.singanseg.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

/** The plain-language health line from made-up curves. */
class TrainingHealthTest {

    @Test
    void aReconstructionErrorFallingAtEveryScaleIsHealthy() {
        TrainingHealth health = TrainingHealth.of(List.of(scale(0, 100, i -> 1.0 / (1 + i)), scale(1, 100, i -> 0.5 - i * 0.004)));
        assertEquals(TrainingHealth.Level.GOOD, health.level());
        assertTrue(health.summary().startsWith("Training looks healthy"), health.summary());
        // First and last fifth: iterations 0-19 and 80-99.
        assertEquals(String.format(java.util.Locale.ROOT, "Scale 1: reconstruction error %.4g → %.4g\n"
                        + "Scale 2: reconstruction error %.4g → %.4g",
                mean(0, 20, i -> 1.0 / (1 + i)), mean(80, 100, i -> 1.0 / (1 + i)),
                mean(0, 20, i -> 0.5 - i * 0.004), mean(80, 100, i -> 0.5 - i * 0.004)), health.details());
    }

    @Test
    void aScaleWhoseErrorDidNotFallIsWorthALook() {
        TrainingHealth health = TrainingHealth.of(List.of(scale(0, 50, i -> 1.0 / (1 + i)), scale(1, 50, i -> 0.1 + i * 0.01)));
        assertEquals(TrainingHealth.Level.WATCH, health.level());
        assertTrue(health.summary().contains("at scale 2"), health.summary());
    }

    @Test
    void aFigureThatIsNoLongerANumberIsAProblemAtOnce() {
        List<IterationStats> diverged = new ArrayList<>(scale(0, 5, i -> 1.0));
        diverged.add(new IterationStats(0, 5, 100, Double.NaN, 0, 0, 0, 1, 0.1, 10));
        TrainingHealth health = TrainingHealth.of(List.of(diverged));
        assertEquals(TrainingHealth.Level.PROBLEM, health.level());
        assertTrue(health.summary().contains("at scale 1"), health.summary());
    }

    @Test
    void fewPointsAreTooEarlyAndNoneSayNothing() {
        assertEquals(TrainingHealth.Level.UNKNOWN, TrainingHealth.of(List.of(scale(0, 10, i -> 1.0))).level());
        assertEquals("Too early to tell how training goes.", TrainingHealth.of(List.of(scale(0, 10, i -> 1.0))).summary());
        assertEquals(TrainingHealth.NONE, TrainingHealth.of(List.of(List.of())));
    }

    private static List<IterationStats> scale(int scale, int iterations, IntToDoubleFunction reconstruction) {
        List<IterationStats> points = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            points.add(new IterationStats(scale, i, iterations, 1, -1, 0.1, 0.5, reconstruction.applyAsDouble(i), 0.1, 10));
        }
        return points;
    }

    private static double mean(int from, int to, IntToDoubleFunction value) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += value.applyAsDouble(i);
        }
        return sum / (to - from);
    }
}
