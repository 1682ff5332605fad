package org.singanseg.studio.core.batch;

import java.nio.file.Path;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.TrainingSettings;

/**
 * What a batch makes.
 *
 * @param out              the output folder (see {@link BatchLayout})
 * @param settings         training settings of every pair; each pair trains with its own seed from
 *                         {@link PairSeeds} and this base seed
 * @param samplesPerImage  synthetic pairs per real pair (0: models only)
 * @param withReal         also put each real pair (as PNG, binary mask) among the outputs
 * @param maskFloor        synthetic pairs whose mask is smaller are drawn again
 */
public record BatchOptions(Path out, TrainingSettings settings, int samplesPerImage, boolean withReal,
                           MaskFloor maskFloor) {
    public static final int MAX_SAMPLES_PER_IMAGE = 100_000;

    public BatchOptions {
        settings = settings.validated();
        if (samplesPerImage < 0 || samplesPerImage > MAX_SAMPLES_PER_IMAGE) {
            throw new IllegalArgumentException("The samples per image must be between 0 and "
                    + MAX_SAMPLES_PER_IMAGE + ".");
        }
    }
}
