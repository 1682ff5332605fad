package org.singanseg.studio.core.nn;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Parameter initialisation from a seeded java.util.Random, so a seed gives the same net anywhere. */
final class Init {
    private Init() {
    }

    static void normal(INDArray target, Random random, double mean, double std) {
        double[] values = new double[(int) target.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + std * random.nextGaussian();
        }
        assign(target, values);
    }

    static void uniform(INDArray target, Random random, double low, double high) {
        double[] values = new double[(int) target.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        assign(target, values);
    }

    static void constant(INDArray target, double value) {
        target.assign(value);
    }

    private static void assign(INDArray target, double[] values) {
        target.assign(Nd4j.createFromArray(values).castTo(target.dataType()).reshape(target.shape()));
    }
}
