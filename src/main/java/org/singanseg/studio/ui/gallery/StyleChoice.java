package org.singanseg.studio.ui.gallery;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.samples.SampleStyler;
import org.singanseg.studio.core.style.ColourMatch;
import org.singanseg.studio.core.style.NeuralStyle;
import org.singanseg.studio.core.style.NeuralStyleSettings;
import org.singanseg.studio.core.style.VggWeightsFile;

/**
 * The style transfer a user picks, each under its own name: the neural one never silently becomes
 * the colour match when its weights are missing; the caller asks for the weights instead.
 */
public enum StyleChoice {
    NONE("No style transfer"),
    NEURAL(NeuralStyle.NAME),
    COLOUR(ColourMatch.NAME);

    private final String title;

    StyleChoice(String title) {
        this.title = title;
    }

    public boolean needsWeights() {
        return this == NEURAL;
    }

    /** The styler for this choice (null for none); reads the weights file, so call it off the UI thread. */
    SampleStyler styler(Planes real) throws InvalidInputException {
        return switch (this) {
            case NONE -> null;
            case NEURAL -> new SampleStyler(new NeuralStyle(VggWeightsFile.read(VggWeightsFile.defaultLocation()),
                    NeuralStyleSettings.defaults()), real);
            case COLOUR -> new SampleStyler(new ColourMatch(), real);
        };
    }

    @Override
    public String toString() {
        return title;
    }
}
