package org.singanseg.studio.core.gan;

import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * SinGAN-Seg's input: RGB and mask stacked as 4 channels in [-1, 1] (mask: -1 background, 1 polyp),
 * and the way back: the 4th channel mapped to [0, 1] and thresholded at 0.5 is the mask.
 */
public final class FourChannel {
    public static final int CHANNELS = 4;

    private FourChannel() {
    }

    public static Planes fromPair(TrainingPair pair) {
        int n = pair.height() * pair.width();
        float[][] data = new float[CHANNELS][n];
        for (int c = 0; c < 3; c++) {
            float[] rgb = pair.rgb().plane(c);
            for (int i = 0; i < n; i++) {
                data[c][i] = 2 * rgb[i] - 1;
            }
        }
        boolean[] mask = pair.mask();
        for (int i = 0; i < n; i++) {
            data[3][i] = mask[i] ? 1f : -1f;
        }
        return new Planes(CHANNELS, pair.height(), pair.width(), data);
    }

    /** [-1, 1] to [0, 1], clamped, all four channels. */
    public static Planes toUnit(Planes planes) {
        Planes out = Planes.zeros(planes.channels(), planes.height(), planes.width());
        for (int c = 0; c < planes.channels(); c++) {
            float[] src = planes.plane(c);
            float[] dst = out.plane(c);
            for (int i = 0; i < src.length; i++) {
                dst[i] = Math.max(0f, Math.min(1f, (src[i] + 1) / 2));
            }
        }
        return out;
    }

    /** The binary mask of a generated 4-channel output: (value + 1) / 2 > 0.5. */
    public static boolean[] mask(Planes planes) {
        float[] m = planes.plane(3);
        boolean[] mask = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            mask[i] = m[i] > 0;
        }
        return mask;
    }
}
