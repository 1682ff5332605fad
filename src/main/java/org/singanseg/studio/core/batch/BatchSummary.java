package org.singanseg.studio.core.batch;

import java.util.List;

/**
 * What a batch run did.
 *
 * @param results      the pairs done (trained, resumed, sampled or already complete)
 * @param skipped      the pairs that could not be used, with the reason
 * @param manifestRows output pairs listed in the rebuilt manifest (all runs and shards)
 */
public record BatchSummary(List<PairResult> results, List<SkippedInput> skipped, int manifestRows, double seconds) {

    public BatchSummary {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
    }

    public long count(PairOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public int samplesWritten() {
        return results.stream().mapToInt(PairResult::samplesWritten).sum();
    }
}
