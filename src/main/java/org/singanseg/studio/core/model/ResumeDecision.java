package org.singanseg.studio.core.model;

import java.util.stream.Collectors;

import org.singanseg.studio.core.gan.SettingField;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainingSettings;

/**
 * Whether a saved model may be continued, for every place that resumes (the app, {@code train
 * --resume}, {@code train-batch}): a checkpoint made from the same image and mask bytes with the
 * same settings is resumed; a complete model of those files is done; anything else has to be
 * trained anew. The reason says why, as a sentence a user can read; what to do is the caller's
 * to say.
 */
public record ResumeDecision(Action action, String reason) {

    public enum Action {
        /** An unfinished training of these files with these settings: continue it. */
        RESUME,
        /** A complete model of these files: nothing to train (whatever settings are asked now). */
        DONE,
        /** Made from other files, or started with other settings: it cannot be continued. */
        START_OVER
    }

    /**
     * @param model       the saved model's descriptor
     * @param imageSha256 SHA-256 of the image file to train on now
     * @param maskSha256  SHA-256 of the mask file, or null when the image's alpha is the mask
     * @param settings    the settings to train with now
     */
    public static ResumeDecision of(ModelFile.Description model, String imageSha256, String maskSha256,
                                    TrainingSettings settings) {
        SourceInfo source = model.source();
        if (source == null || !source.sameImage(imageSha256)) {
            return new ResumeDecision(Action.START_OVER, "It was made from other files: trained on another image"
                    + (source == null ? "" : " (" + source.imageName() + ")")
                    + ", or the image changed since this training started.");
        }
        if (!source.sameMask(maskSha256)) {
            return new ResumeDecision(Action.START_OVER, "It was made from other files: trained with another mask, "
                    + "or the mask changed since this training started.");
        }
        if (model.complete()) {
            return new ResumeDecision(Action.DONE, "It is fully trained (" + model.scales() + " scales).");
        }
        String changed = SettingField.ALL.stream().filter(f -> !f.get(model.settings()).equals(f.get(settings)))
                .map(f -> f.label() + " " + f.format(model.settings()) + " (now " + f.format(settings) + ")")
                .collect(Collectors.joining(", "));
        if (!changed.isEmpty()) {
            return new ResumeDecision(Action.START_OVER, "It was started with other settings: " + changed + ".");
        }
        return new ResumeDecision(Action.RESUME, model.scales() + " scales are trained; the training continues "
                + "from there.");
    }

    public boolean resume() {
        return action == Action.RESUME;
    }
}
