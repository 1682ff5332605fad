package org.singanseg.studio.core.eval;

import java.util.List;

import org.singanseg.studio.core.batch.BatchPair;

/**
 * A real pair and the synthetic pairs made from it. The fold split moves whole groups, so a real
 * image and its synthetic pairs always land on the same side of a fold.
 */
public record SourceGroup(BatchPair real, List<SyntheticPair> synthetic) {

    public SourceGroup {
        synthetic = List.copyOf(synthetic);
    }

    /** The real pair's name (its image's base name). */
    public String name() {
        return real.name();
    }
}
