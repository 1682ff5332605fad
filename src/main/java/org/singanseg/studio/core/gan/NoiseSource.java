package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded noise for one scale of training or one sample. SinGAN draws the coarsest scale's noise as
 * one map shared by all channels, and independent maps per channel above it.
 */
final class NoiseSource {
    private final Random random;
    private final java.util.Random scalars;

    NoiseSource(long seed) {
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        this.scalars = new java.util.Random(seed ^ 0x5DEECE66DL);
    }

    /** For training scale {@code scale} of a run with the given seed. */
    static NoiseSource forTraining(long seed, int scale) {
        return new NoiseSource(seed * 1_000_003L + scale * 7_919L + 17);
    }

    /**
     * For sample {@code index} of a generation run. A stream space of its own: with the training
     * seed, sample 0 would otherwise redraw the coarsest scale's z_opt and copy the real layout.
     */
    static NoiseSource forSample(long seed, long index) {
        return new NoiseSource((seed * 1_000_003L + index * 7_919L + 17) ^ 0x9E3779B97F4A7C15L);
    }

    /** N(0, 1) noise of shape [batch, height, width, channels]; one map for all channels when {@code shared}. */
    INDArray gaussian(int batch, int channels, int height, int width, boolean shared) {
        INDArray map = Nd4j.createUninitialized(DataType.FLOAT, batch, height, width, shared ? 1 : channels);
        Nd4j.getExecutioner().exec(new GaussianDistribution(map, 0.0, 1.0), random);
        return shared ? map.repeat(3, channels) : map;
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return scalars.nextDouble();
    }
}
