package org.singanseg.studio.ui.train;

import org.singanseg.studio.core.gan.TrainingSettings;

/**
 * The project's model file as the Train step sees it: how many scales are done, and whether it
 * was trained on the project's current image and mask (a resume needs both unchanged).
 */
public record SavedRun(int finishedScales, int scales, TrainingSettings settings, boolean matchesCurrentMask) {

    public boolean complete() {
        return finishedScales == scales;
    }

    public boolean resumable() {
        return !complete() && matchesCurrentMask;
    }
}
