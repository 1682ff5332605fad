package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;
import org.singanseg.studio.core.gan.ScaleNets;

/** Forward values against definitions written out by hand (gradient checks only prove consistency). */
class LayerValueTest {

    @Test
    void convolutionIsValidCrossCorrelationWithBias() {
        for (DataType type : new DataType[]{DataType.DOUBLE, DataType.FLOAT}) {
            Conv2d conv = new Conv2d(3, 2, 3);
            Sequential net = new Sequential(type, List.of(conv));
            net.initialise(new Random(3));
            INDArray w = net.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 54)).reshape(3, 3, 3, 2);
            INDArray b = net.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(54, 56));
            INDArray x = Nd4j.randn(type, 1, 6, 5, 3);
            INDArray out = net.forward(x);
            assertArrayEquals(new long[]{1, 4, 3, 2}, out.shape());
            for (int o = 0; o < 2; o++) {
                for (int y = 0; y < 4; y++) {
                    for (int xx = 0; xx < 3; xx++) {
                        double expected = b.getDouble(o);
                        for (int i = 0; i < 3; i++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    expected += w.getDouble(ky, kx, i, o) * x.getDouble(0, y + ky, xx + kx, i);
                                }
                            }
                        }
                        assertEquals(expected, out.getDouble(0, y, xx, o), 1e-5, type + " at " + o + "," + y + "," + xx);
                    }
                }
            }
        }
    }

    @Test
    void batchNormGivesEachChannelMeanBetaAndStdGamma() {
        BatchNorm norm = new BatchNorm(2);
        Sequential net = new Sequential(DataType.DOUBLE, List.of(norm));
        net.parameters().assign(Nd4j.createFromArray(2.0, 0.5, 1.0, -3.0)); // gamma, then beta
        INDArray x = Nd4j.randn(DataType.DOUBLE, 1, 5, 4, 2).muli(7).addi(3);
        INDArray out = net.forward(x);
        double[] gamma = {2.0, 0.5};
        double[] beta = {1.0, -3.0};
        for (int c = 0; c < 2; c++) {
            INDArray channel = out.get(all(), all(), all(), point(c)).dup();
            assertEquals(beta[c], channel.meanNumber().doubleValue(), 1e-9);
            double variance = populationVariance(channel);
            double inputVariance = populationVariance(x.get(all(), all(), all(), point(c)).dup());
            // (x - m) / sqrt(v + eps) has variance v / (v + eps).
            assertEquals(gamma[c] * gamma[c] * inputVariance / (inputVariance + BatchNorm.EPSILON), variance, 1e-9);
        }
    }

    private static double populationVariance(INDArray values) {
        double mean = values.meanNumber().doubleValue();
        return values.sub(mean).muli(values.sub(mean)).meanNumber().doubleValue();
    }

    @Test
    void batchNormTreatsEveryImageOfABatchOnItsOwn() {
        Sequential net = new Sequential(DataType.DOUBLE, List.of(new BatchNorm(3)));
        net.initialise(new Random(4));
        INDArray a = Nd4j.randn(DataType.DOUBLE, 1, 4, 5, 3);
        INDArray b = Nd4j.randn(DataType.DOUBLE, 1, 4, 5, 3).muli(3).addi(1);
        INDArray ga = Nd4j.randn(DataType.DOUBLE, 1, 4, 5, 3);
        INDArray gb = Nd4j.randn(DataType.DOUBLE, 1, 4, 5, 3);

        net.zeroGradients();
        INDArray outA = net.forward(a).dup();
        INDArray inGradA = net.backward(ga, true).dup();
        INDArray outB = net.forward(b).dup();
        INDArray inGradB = net.backward(gb, true).dup();
        INDArray separateParamGrads = net.gradients().dup();

        net.zeroGradients();
        INDArray outBoth = net.forward(Nd4j.concat(0, a, b)).dup();
        INDArray inGradBoth = net.backward(Nd4j.concat(0, ga, gb), true);
        assertEquals(Nd4j.concat(0, outA, outB), outBoth);
        assertTrue(Nd4j.concat(0, inGradA, inGradB).equalsWithEps(inGradBoth, 1e-12));
        assertTrue(separateParamGrads.equalsWithEps(net.gradients(), 1e-12));
    }

    @Test
    void batchNormRunningStatisticsFollowPyTorch() {
        Sequential net = new Sequential(DataType.DOUBLE, List.of(new BatchNorm(2)));
        net.initialise(new Random(1));
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 3, 4, 2).muli(2).addi(0.5);
        net.forward(x);
        net.trackRunningStatistics(0, 2);
        net.trackRunningStatistics(2, 1);
        // momentum 0.1 from mean 0 and variance 1, unbiased variance of each image, images in order
        double[] mean = {0, 0};
        double[] variance = {1, 1};
        for (int image = 0; image < 3; image++) {
            for (int c = 0; c < 2; c++) {
                double[] values = x.get(point(image), all(), all(), point(c)).dup().data().asDouble();
                double m = java.util.Arrays.stream(values).average().orElseThrow();
                double squares = java.util.Arrays.stream(values).map(v -> (v - m) * (v - m)).sum();
                mean[c] = 0.9 * mean[c] + 0.1 * m;
                variance[c] = 0.9 * variance[c] + 0.1 * squares / (values.length - 1);
            }
        }
        assertArrayEquals(new double[]{mean[0], mean[1], variance[0], variance[1]},
                net.runningStatistics().toDoubleVector(), 1e-12);
    }

    @Test
    void batchNormInInferenceModeNormalisesWithTheRunningStatistics() {
        Sequential net = new Sequential(DataType.DOUBLE, List.of(new BatchNorm(2)));
        net.initialise(new Random(2));
        net.parameters().putScalar(2, 0.4); // beta of channel 0
        double[] gamma = {net.parameters().getDouble(0), net.parameters().getDouble(1)};
        double[] beta = {0.4, 0};
        double[] mean = {0.3, -0.2};
        double[] variance = {2.0, 0.5};
        net.loadRunningStatistics(Nd4j.createFromArray(0.3, -0.2, 2.0, 0.5));
        net.useRunningStatistics(true);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 3, 4, 2);
        INDArray y = net.forward(x);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    for (int c = 0; c < 2; c++) {
                        double expected = gamma[c] * (x.getDouble(b, i, j, c) - mean[c])
                                / Math.sqrt(variance[c] + BatchNorm.EPSILON) + beta[c];
                        assertEquals(expected, y.getDouble(b, i, j, c), 1e-12);
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> net.trackRunningStatistics(0, 1), "inference mode leaves the running statistics alone");
    }

    @Test
    void leakyReluAndTanhValues() {
        INDArray x = Nd4j.createFromArray(-2.0, -0.5, 0.0, 0.5, 3.0).reshape(1, 1, 1, 5);
        INDArray relu = new Sequential(DataType.DOUBLE, List.of(new LeakyRelu(0.2))).forward(x);
        assertArrayEquals(new double[]{-0.4, -0.1, 0.0, 0.5, 3.0}, relu.data().asDouble(), 1e-12);
        INDArray tanh = new Sequential(DataType.DOUBLE, List.of(new TanhActivation())).forward(x);
        for (int i = 0; i < 5; i++) {
            assertEquals(Math.tanh(x.getDouble(i)), tanh.getDouble(i), 1e-12);
        }
    }

    @Test
    void fusedLeakyReluMatchesTheSeparateLayer() {
        Sequential fused = new Sequential(DataType.DOUBLE, List.of(BatchNorm.withLeakyRelu(3, 0.2)));
        Sequential separate = new Sequential(DataType.DOUBLE, List.of(new BatchNorm(3), new LeakyRelu(0.2)));
        fused.initialise(new Random(4));
        separate.initialise(new Random(4));
        INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 5, 6, 3);
        INDArray gradOutput = Nd4j.randn(DataType.DOUBLE, 2, 5, 6, 3);
        assertTrue(fused.forward(x).equalsWithEps(separate.forward(x), 1e-12), "forward");
        assertTrue(fused.backward(gradOutput, true).equalsWithEps(separate.backward(gradOutput, true), 1e-12),
                "input gradient");
        assertTrue(fused.gradients().equalsWithEps(separate.gradients(), 1e-12), "parameter gradients");
    }

    @Test
    void singanNetsKeepTheUnpaddedSizeAndHaveTheReferenceShape() {
        Sequential generator = ScaleNets.generator(DataType.FLOAT, 4, 32, true);
        Sequential critic = ScaleNets.critic(DataType.FLOAT, 4, 32, true);
        generator.initialise(new Random(1));
        critic.initialise(new Random(1));
        INDArray padded = Nd4j.rand(DataType.FLOAT, 1, 19 + 2 * ScaleNets.PADDING, 25 + 2 * ScaleNets.PADDING, 4);
        assertArrayEquals(new long[]{1, 19, 25, 4}, generator.forward(padded).shape());
        assertArrayEquals(new long[]{1, 19, 25, 1}, critic.forward(padded).shape());
        // head 4->32, three 32->32 bodies (conv + batch norm), tail 32->4 (or 32->1)
        long body = 3 * (9 * 32 * 32 + 32 + 2 * 32);
        assertEquals(9 * 4 * 32 + 32 + 2 * 32 + body + 9 * 32 * 4 + 4, generator.parameters().length());
        assertEquals(9 * 4 * 32 + 32 + 2 * 32 + body + 9 * 32 + 1, critic.parameters().length());
        assertEquals(generator.parameters().length(), ScaleNets.parameterCount(32, false, true));
        assertEquals(critic.parameters().length(), ScaleNets.parameterCount(32, true, true));
        // without batch norm: the convolutions' weights and biases alone
        assertEquals(9 * 4 * 32 + 32 + 3 * (9 * 32 * 32 + 32) + 9 * 32 * 4 + 4,
                ScaleNets.generator(DataType.FLOAT, 4, 32, false).parameters().length());
        assertEquals(ScaleNets.generator(DataType.FLOAT, 4, 32, false).parameters().length(),
                ScaleNets.parameterCount(32, false, false));
        assertEquals(ScaleNets.critic(DataType.FLOAT, 4, 32, false).parameters().length(),
                ScaleNets.parameterCount(32, true, false));
        INDArray generated = generator.forward(padded);
        assertTrue(generated.amaxNumber().doubleValue() < 1.0, "tanh output");
    }

    @Test
    void parameterGradientsAloneEqualThoseOfTheFullBackward() {
        for (DataType type : new DataType[]{DataType.DOUBLE, DataType.FLOAT}) {
            Sequential generator = ScaleNets.generator(type, 4, 16, true);
            generator.initialise(new Random(4));
            INDArray padded = Nd4j.rand(type, 2, 21 + 2 * ScaleNets.PADDING, 17 + 2 * ScaleNets.PADDING, 4);
            INDArray gradOutput = Nd4j.randn(type, generator.forward(padded).shape());
            generator.zeroGradients();
            generator.backward(gradOutput, true);
            INDArray full = generator.gradients().dup();
            generator.forward(padded);
            generator.zeroGradients();
            generator.backwardParameters(gradOutput);
            assertTrue(full.amaxNumber().doubleValue() > 0);
            assertEquals(0, full.sub(generator.gradients()).amaxNumber().doubleValue(), 1e-6, type.toString());
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        Sequential a = ScaleNets.critic(DataType.FLOAT, 4, 8, true);
        Sequential b = ScaleNets.critic(DataType.FLOAT, 4, 8, true);
        a.initialise(new Random(9));
        b.initialise(new Random(9));
        assertEquals(a.parameters(), b.parameters());
        double std = a.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 9 * 4 * 8)).stdNumber().doubleValue();
        assertEquals(0.02, std, 0.005, "conv weights are drawn from N(0, 0.02)");
    }
}
