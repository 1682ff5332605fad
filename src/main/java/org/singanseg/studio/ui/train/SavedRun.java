package org.singanseg.studio.ui.train;

import org.singanseg.studio.core.gan.TrainingSettings;

/**
 * The project's model file as the Train and Gallery steps see it: how many scales are done, and
 * whether it was trained on the project's current image and mask (a resume needs both unchanged;
 * a finished model on older ones is stale).
 */
public record SavedRun(int finishedScales, int scales, TrainingSettings settings, ModelFreshness freshness) {

    public boolean complete() {
        return finishedScales == scales;
    }

    public boolean resumable() {
        return !complete() && !freshness.stale();
    }

    public SavedRun with(ModelFreshness now) {
        return new SavedRun(finishedScales, scales, settings, now);
    }
}
