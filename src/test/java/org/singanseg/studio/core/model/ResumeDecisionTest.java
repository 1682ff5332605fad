package org.singanseg.studio.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.model.ResumeDecision.Action;

/** The one decision whether a saved model is continued, in each of its cases. */
class ResumeDecisionTest {
    private static final TrainingSettings SETTINGS = TrainingSettings.quick();
    private static final SourceInfo SOURCE = new SourceInfo("polyp.jpg", "image-hash", "mask-hash", 96, 72, 0.1);

    @Test
    void anUnfinishedTrainingOfTheSameFilesAndSettingsIsResumed() {
        ResumeDecision decision = ResumeDecision.of(saved(SOURCE, 3, false), "image-hash", "mask-hash", SETTINGS);
        assertEquals(Action.RESUME, decision.action());
        assertTrue(decision.resume());
        assertTrue(decision.reason().startsWith("3 scales are trained"), decision.reason());
    }

    @Test
    void anImageItsAlphaMaskIsTheSameMaskAsNone() {
        SourceInfo alpha = new SourceInfo("polyp.png", "image-hash", null, 96, 72, 0.1);
        assertEquals(Action.RESUME, ResumeDecision.of(saved(alpha, 3, false), "image-hash", null, SETTINGS).action());
        assertEquals(Action.START_OVER,
                ResumeDecision.of(saved(alpha, 3, false), "image-hash", "mask-hash", SETTINGS).action());
    }

    @Test
    void aCompleteModelOfTheSameFilesIsDoneWhateverTheSettings() {
        TrainingSettings other = SETTINGS.toBuilder().iterations(3).build();
        for (TrainingSettings asked : new TrainingSettings[]{SETTINGS, other}) {
            ResumeDecision decision = ResumeDecision.of(saved(SOURCE, 5, true), "image-hash", "mask-hash", asked);
            assertEquals(Action.DONE, decision.action());
            assertEquals("It is fully trained (5 scales).", decision.reason());
        }
    }

    @Test
    void anotherImageStartsOverAndSaysWhichImageItWas() {
        ResumeDecision decision = ResumeDecision.of(saved(SOURCE, 5, true), "other-hash", "mask-hash", SETTINGS);
        assertEquals(Action.START_OVER, decision.action());
        assertTrue(decision.reason().contains("made from other files: trained on another image (polyp.jpg)"),
                decision.reason());
    }

    @Test
    void anotherMaskStartsOver() {
        ResumeDecision decision = ResumeDecision.of(saved(SOURCE, 3, false), "image-hash", "other-hash", SETTINGS);
        assertEquals(Action.START_OVER, decision.action());
        assertTrue(decision.reason().contains("the mask changed since this training started"), decision.reason());
    }

    @Test
    void aModelThatDoesNotSayItsSourceStartsOver() {
        ResumeDecision decision = ResumeDecision.of(saved(null, 3, false), "image-hash", "mask-hash", SETTINGS);
        assertEquals(Action.START_OVER, decision.action());
        assertTrue(decision.reason().contains("trained on another image, or"), decision.reason());
    }

    @Test
    void otherSettingsStartOverAndNameEachChange() {
        TrainingSettings asked = SETTINGS.toBuilder().iterations(3).noiseAmpFactor(0.2).build();
        ResumeDecision decision = ResumeDecision.of(saved(SOURCE, 3, false), "image-hash", "mask-hash", asked);
        assertEquals(Action.START_OVER, decision.action());
        assertEquals("It was started with other settings: Iterations per scale 300 (now 3), "
                + "Noise amplitude factor 0.1 (now 0.2).", decision.reason());
    }

    private static ModelFile.Description saved(SourceInfo source, int scales, boolean complete) {
        return new ModelFile.Description(ModelFile.FORMAT_VERSION, "test", SETTINGS, source, scales, complete);
    }
}
