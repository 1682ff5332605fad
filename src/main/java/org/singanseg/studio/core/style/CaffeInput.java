package org.singanseg.studio.core.style;

import org.singanseg.studio.core.nn.Conv2d;

/**
 * The input convention of the Keras VGG19 weights, as a fixed first layer. Those weights were
 * converted from the original Caffe VGG19, which saw BGR images on a 0..255 scale with the
 * ImageNet channel means subtracted and no division by a standard deviation (Keras's "caffe"
 * preprocessing). PyTorch's VGG19, which SinGAN-Seg used, expects RGB in [0, 1] normalised by the
 * ImageNet mean [0.485, 0.456, 0.406] and std [0.229, 0.224, 0.225] instead; feeding the Keras
 * weights that way would give them inputs 57 times too small, in the wrong channel order.
 *
 * <p>The conversion from RGB in [0, 1] is affine per pixel, so it is a 1x1 convolution whose
 * weights swap R and B and scale by 255 and whose bias subtracts the means: its backward pass
 * then comes from {@link Conv2d} like every other layer's. (Folding it into conv1_1 instead would
 * change the zero padding at the borders, which the network saw as mean-coloured pixels.)
 */
final class CaffeInput {
    /** ImageNet channel means on 0..255, in the network's B, G, R order. */
    static final double[] MEAN_BGR = {103.939, 116.779, 123.68};
    static final double SCALE = 255.0;

    private CaffeInput() {
    }

    static Conv2d layer() {
        return new Conv2d(VggShape.INPUT_CHANNELS, VggShape.INPUT_CHANNELS, 1);
    }

    /** The layer's weights [1, 1, 3 (R, G, B in), 3 (B, G, R out)] flat, then its bias. */
    static float[] parameters() {
        int c = VggShape.INPUT_CHANNELS;
        float[] p = new float[c * c + c];
        for (int in = 0; in < c; in++) {
            p[in * c + (c - 1 - in)] = (float) SCALE;
        }
        for (int out = 0; out < c; out++) {
            p[c * c + out] = (float) -MEAN_BGR[out];
        }
        return p;
    }
}
