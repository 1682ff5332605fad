package org.singanseg.studio.core.eval;

import java.util.List;
import java.util.Locale;

import org.singanseg.studio.core.batch.BatchPair;

/**
 * What a model of a fold trains on; every model is tested on the fold's held-out real pairs.
 * The first three use all of the fold's training groups, the small-data ones the fold's n drawn
 * groups ({@link FoldSplit.Fold#small()}); "synthetic" always means the synthetic pairs made from
 * exactly those real images.
 */
public enum EvaluationSetting {
    REAL_ONLY("real_only", false, true, false, false),
    SYNTHETIC_ONLY("synthetic_only", false, false, true, false),
    REAL_AND_SYNTHETIC("real_and_synthetic", false, true, true, false),
    SMALL_REAL("small_real", true, true, false, false),
    /** The n real pairs alone, trained for their own epochs under any budget: the epochs baseline of budget both. */
    SMALL_REAL_OWN_EPOCHS("small_real_own_epochs", true, true, false, true),
    SMALL_REAL_AND_SYNTHETIC("small_real_and_synthetic", true, true, true, false);

    private final String id;
    private final boolean small;
    private final boolean real;
    private final boolean synthetic;
    private final boolean ownEpochs;

    EvaluationSetting(String id, boolean small, boolean real, boolean synthetic, boolean ownEpochs) {
        this.id = id;
        this.small = small;
        this.real = real;
        this.synthetic = synthetic;
        this.ownEpochs = ownEpochs;
    }

    /** Whether it trains on the n drawn real pairs (and their synthetic ones), as held-out evaluations do. */
    public boolean small() {
        return small;
    }

    /** Whether its models train the given epochs over their own pairs under any budget. */
    public boolean ownEpochs() {
        return ownEpochs;
    }

    /** A fixed name for files and scripts, e.g. {@code real_and_synthetic}. */
    public String id() {
        return id;
    }

    /** A name for people, e.g. "real + synthetic" or, with n = 5, "5 real + synthetic" or "5 real, own epochs". */
    public String label(int smallN) {
        String data = real && synthetic ? "real + synthetic" : real ? "real" : "synthetic";
        if (small) {
            return String.format(Locale.ROOT, "%d %s%s", smallN, data, ownEpochs ? ", own epochs" : "");
        }
        return real != synthetic ? data + " only" : data;
    }

    /** This setting's model of the fold with that U-Net seed: its training pairs and the fold's test pairs. */
    public EvaluationRun run(FoldSplit.Fold fold, long unetSeed) {
        List<SourceGroup> groups = small ? fold.small() : fold.training();
        List<BatchPair> realPairs = real ? groups.stream().map(SourceGroup::real).toList() : List.of();
        List<SyntheticPair> syntheticPairs = synthetic
                ? groups.stream().flatMap(g -> g.synthetic().stream()).toList() : List.of();
        return new EvaluationRun(this, fold.number(), unetSeed, realPairs, syntheticPairs,
                fold.test().stream().map(SourceGroup::real).toList());
    }
}
