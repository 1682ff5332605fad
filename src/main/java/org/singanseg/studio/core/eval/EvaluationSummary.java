package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.singanseg.studio.core.seg.SegmentationSettings;

/** An evaluation in a few lines of text: how it ran, then its headline ({@link SyntheticGain}). */
public final class EvaluationSummary {

    private EvaluationSummary() {
    }

    /** How the models were trained and tested, in one sentence. */
    public static String protocol(EvaluationResult result) {
        EvaluationOptions options = result.options();
        SegmentationSettings segmentation = options.segmentation();
        String design = result.heldOut()
                ? String.format(Locale.ROOT, "%d draw%s of %d real pairs from %d with synthetic pairs, every model "
                        + "tested on the held-out test set", options.draws(), options.draws() == 1 ? "" : "s",
                        options.smallN(), result.realPairs())
                : String.format(Locale.ROOT, "%d-fold cross-validation over %d real pairs (small data: %d per fold)",
                        options.folds(), result.realPairs(), options.smallN());
        if (options.modelSeeds() > 1) {
            design += String.format(Locale.ROOT, "; every setting trained with %d U-Net seeds per %s (seed s, s + %d, "
                    + "...)", options.modelSeeds(), result.unit(), EvaluationPlan.SEED_STRIDE);
        }
        String budget = switch (options.budget()) {
            case STEPS -> "budget steps: every model took the steps of %d epochs over the largest training set";
            case EPOCHS -> "budget epochs: every model took %d epochs over its own pairs";
            case BOTH -> "budget both: every model took the steps of %d epochs over the largest training set, and the "
                    + "real pairs alone trained also for those epochs over their own pairs";
        };
        return String.format(Locale.ROOT, "%s; each model %s; %s; %d synthetic pairs used, %d left out for a mask under "
                        + "%.1f%% of the image (half the real mask's share for a smaller polyp); split seed %d.",
                design, segmentation.describe(),
                String.format(Locale.ROOT, budget, segmentation.epochs()), result.syntheticPairs(),
                result.droppedSynthetic(), 100 * options.minMaskCoverage(), options.splitSeed());
    }

    /**
     * The n real pairs of each draw (or each fold's small-data settings), a line each, e.g. "Draw 1: a,
     * b, c, d, e.", so that a draw's scores can be read against the frames it had.
     */
    public static List<String> smallDataPairs(EvaluationResult result) {
        Map<Integer, List<String>> byFold = new TreeMap<>();
        result.runs().stream().filter(r -> r.setting().small())
                .forEach(r -> byFold.putIfAbsent(r.fold(), r.realNames()));
        String unit = result.heldOut() ? "Draw" : "Fold";
        return byFold.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %d: %s.", unit, e.getKey(),
                String.join(", ", e.getValue()))).toList();
    }

    /**
     * A warning naming the models that marked no pixel of any test image, or none when every model
     * marked something: their zeros pull their setting's mean down for a reason that is not the data.
     */
    public static Optional<String> blankModels(EvaluationResult result) {
        List<RunResult> blank = result.runs().stream().filter(RunResult::markedNothing).toList();
        if (blank.isEmpty()) {
            return Optional.empty();
        }
        String unit = result.heldOut() ? "draw" : "fold";
        String which = blank.stream().map(r -> String.format(Locale.ROOT, "%s, %s %d, seed %d",
                r.setting().label(result.options().smallN()), unit, r.fold(), r.unetSeed()))
                .collect(Collectors.joining("; "));
        return Optional.of(String.format(Locale.ROOT, "Warning: %d of %d models marked no pixel of any test image "
                + "(%s): networks that learnt nothing in their steps, scored 0. Train longer (more epochs) or with "
                + "more U-Net seeds before reading their settings' means.", blank.size(), result.runs().size(), which));
    }

    /**
     * The protocol, each draw's real pairs, the headline, a warning about models that marked
     * nothing, and the IoU gain by test polyp size, a line each.
     */
    public static String text(EvaluationResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(protocol(result));
        lines.addAll(smallDataPairs(result));
        SyntheticGain.headline(result).forEach(gain -> lines.add(gain.sentence()));
        blankModels(result).ifPresent(lines::add);
        lines.addAll(PolypSizeGain.lines(result));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
