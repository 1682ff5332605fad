package org.singanseg.studio.ui.train;

import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

/**
 * The loss curves of one scale, decimated so a chart never holds more than about
 * {@value #MAX_POINTS} points per series: when full, every other point goes and only every
 * second new one is kept, so the curve stays evenly sampled over the whole run.
 */
public final class ScaleLosses {
    static final int MAX_POINTS = 1000;

    private final List<IterationStats> points = new ArrayList<>();
    private int stride = 1;
    private int seen;

    public void add(IterationStats stats) {
        if (seen++ % stride != 0) {
            return;
        }
        points.add(stats);
        if (points.size() > MAX_POINTS) {
            List<IterationStats> kept = new ArrayList<>(points.size() / 2 + 1);
            for (int i = 0; i < points.size(); i += 2) {
                kept.add(points.get(i));
            }
            points.clear();
            points.addAll(kept);
            stride *= 2;
        }
    }

    /** The kept points, oldest first. */
    public List<IterationStats> points() {
        return List.copyOf(points);
    }

    public int size() {
        return points.size();
    }
}
