package org.singanseg.studio.core.samples;

import org.singanseg.studio.core.gan.MaskFloor;

/**
 * What the user asked to generate: how many pairs, the seed (with each pair's index it fixes the
 * pair), the start scale (0 = most diverse, higher = closer to the real image), the output size
 * factors relative to the model's finest scale, and the mask floor under which a pair is drawn again.
 */
public record GenerationRequest(int count, long seed, int startScale, double scaleH, double scaleV,
                                MaskFloor maskFloor) {
    public static final int MAX_COUNT = 10_000;

    public GenerationRequest {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("The number of pairs must be between 1 and " + MAX_COUNT + ".");
        }
    }
}
