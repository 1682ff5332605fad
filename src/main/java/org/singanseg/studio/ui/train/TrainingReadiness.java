package org.singanseg.studio.ui.train;

import java.util.Optional;

import org.singanseg.studio.core.mask.MaskFigures;

/** Whether a mask can be trained on; the same rules as the engine's input check, said in advance. */
public final class TrainingReadiness {
    private TrainingReadiness() {
    }

    public static Optional<String> problem(MaskFigures figures) {
        if (figures == null) {
            return Optional.empty();
        }
        if (figures.isEmpty()) {
            return Optional.of("The mask is empty: no pixel is marked as polyp. Go back to the Mask step and paint the "
                    + "polyp, or import its mask (File > Import Mask). SinGAN-Seg learns the image and the mask together.");
        }
        if (figures.isFull()) {
            return Optional.of("The mask covers the whole image (100%): the model needs background as well as polyp. "
                    + "Erase the background, or use Edit > Invert Mask if the mask is inverted.");
        }
        return Optional.empty();
    }
}
