package org.singanseg.studio.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

/**
 * Whether training goes well, in one sentence for people who do not read loss curves, with the
 * figures behind it for those who do. Two signs: every figure stays a number (a diverging run
 * turns them into NaN or infinity), and at every scale the reconstruction error falls as the scale
 * trains, the clearest sign that the model learns the real image. A scale is judged once it has
 * {@value #MIN_POINTS} points, on the mean of its first and of its last fifth, so that the noise
 * of single iterations (the coarsest scale draws new noise for its reconstruction each time) does
 * not decide.
 */
public record TrainingHealth(Level level, String summary, String details) {
    /** How the view marks it. */
    public enum Level { UNKNOWN, GOOD, WATCH, PROBLEM }

    static final int MIN_POINTS = 20;
    static final TrainingHealth NONE = new TrainingHealth(Level.UNKNOWN, "", "");

    /** @param scales the points of every scale so far, coarsest first, each oldest first */
    static TrainingHealth of(List<List<IterationStats>> scales) {
        List<String> figures = new ArrayList<>();
        int notFalling = -1;
        for (int k = 0; k < scales.size(); k++) {
            List<IterationStats> points = scales.get(k);
            if (points.stream().anyMatch(p -> !finite(p))) {
                return new TrainingHealth(Level.PROBLEM, String.format(Locale.ROOT, "Training has gone wrong: at scale %d "
                        + "the figures are no longer numbers. Stop it and train again, perhaps with another random seed "
                        + "(Advanced settings).", k + 1), "A loss became NaN or infinite at scale " + (k + 1) + ".");
            }
            if (points.size() < MIN_POINTS) {
                continue;
            }
            int fifth = points.size() / 5;
            double early = meanReconstruction(points.subList(0, fifth));
            double late = meanReconstruction(points.subList(points.size() - fifth, points.size()));
            figures.add(String.format(Locale.ROOT, "Scale %d: reconstruction error %.4g → %.4g", k + 1, early, late));
            if (late >= early && notFalling < 0) {
                notFalling = k;
            }
        }
        if (figures.isEmpty()) {
            return scales.stream().allMatch(List::isEmpty) ? NONE
                    : new TrainingHealth(Level.UNKNOWN, "Too early to tell how training goes.", "");
        }
        String details = String.join("\n", figures);
        if (notFalling >= 0) {
            return new TrainingHealth(Level.WATCH, String.format(Locale.ROOT, "Worth a look: at scale %d the model did not "
                    + "come closer to the real image as it trained. Check the samples before using them.", notFalling + 1),
                    details);
        }
        return new TrainingHealth(Level.GOOD, "Training looks healthy: at every scale so far the model reproduces the real "
                + "image more closely as it trains.", details);
    }

    private static boolean finite(IterationStats p) {
        return Double.isFinite(p.criticReal()) && Double.isFinite(p.criticFake()) && Double.isFinite(p.penalty())
                && Double.isFinite(p.generatorAdversarial()) && Double.isFinite(p.reconstruction());
    }

    private static double meanReconstruction(List<IterationStats> points) {
        return points.stream().mapToDouble(IterationStats::reconstruction).average().orElse(Double.NaN);
    }
}
