package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.gan.ScaleNets;

/**
 * Numerical gradient checks (double precision, central differences, relative error below 1e-5)
 * of every layer and of whole SinGAN generator and critic stacks, for the input and all parameters,
 * on the loss sum(output * R) with a random R. Shapes are channels-last, [batch, height, width, channels].
 */
class LayerGradientTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @Test
    void conv2d() {
        checkNet(new Sequential(DataType.DOUBLE, List.of(new Conv2d(3, 4, 3))), 2, 7, 6, 3);
    }

    @Test
    void batchNormUsesBatchStatistics() {
        checkNet(new Sequential(DataType.DOUBLE, List.of(new BatchNorm(3))), 2, 4, 5, 3);
    }

    @Test
    void batchNormWithBatchOfOne() {
        checkNet(new Sequential(DataType.DOUBLE, List.of(new BatchNorm(5))), 1, 3, 4, 5);
    }

    @Test
    void batchNormWithOneChannel() {
        checkNet(new Sequential(DataType.DOUBLE, List.of(new BatchNorm(1))), 1, 4, 3, 1);
    }

    @Test
    void batchNormInInferenceMode() {
        Sequential net = new Sequential(DataType.DOUBLE, List.of(new BatchNorm(3)));
        withRandomRunningStatistics(net);
        checkNet(net, 2, 4, 5, 3);
    }

    @Test
    void wholeGeneratorInInferenceMode() {
        Sequential net = ScaleNets.generator(DataType.DOUBLE, 4, 6, true);
        withRandomRunningStatistics(net);
        checkNet(net, 1, 14, 13, 4);
    }

    @Test
    void leakyRelu() {
        checkNet(new Sequential(DataType.DOUBLE, List.of(new LeakyRelu(0.2))), 2, 3, 4, 5);
    }

    @Test
    void tanh() {
        checkNet(new Sequential(DataType.DOUBLE, List.of(new TanhActivation())), 2, 3, 4, 5);
    }

    @Test
    void convBatchNormLeakyReluBlock() {
        checkNet(new Sequential(DataType.DOUBLE,
                List.of(new Conv2d(4, 5, 3), new BatchNorm(5), new LeakyRelu(0.2))), 1, 8, 7, 4);
    }

    @Test
    void batchNormWithFusedLeakyRelu() {
        checkNet(new Sequential(DataType.DOUBLE,
                List.of(new Conv2d(4, 5, 3), BatchNorm.withLeakyRelu(5, 0.2))), 1, 8, 7, 4);
    }

    @Test
    void wholeGenerator() {
        checkNet(ScaleNets.generator(DataType.DOUBLE, 4, 6, true), 1, 14, 13, 4);
    }

    @Test
    void wholeCritic() {
        checkNet(ScaleNets.critic(DataType.DOUBLE, 4, 6, true), 1, 14, 13, 4);
    }

    @Test
    void wholeGeneratorAndCriticWithoutBatchNorm() {
        checkNet(ScaleNets.generator(DataType.DOUBLE, 4, 6, false), 2, 14, 13, 4);
        checkNet(ScaleNets.critic(DataType.DOUBLE, 4, 6, false), 2, 14, 13, 4);
    }

    @Test
    void inputGradientOnlyMatchesTheFullBackward() {
        for (Sequential net : List.of(new Sequential(DataType.DOUBLE, List.of(new Conv2d(3, 4, 3))),
                ScaleNets.critic(DataType.DOUBLE, 4, 6, true), ScaleNets.generator(DataType.DOUBLE, 4, 5, true))) {
            net.initialise(new Random(5));
            INDArray input = Nd4j.randn(DataType.DOUBLE, 2, 13, 12, net.layers().get(0) instanceof Conv2d conv
                    ? conv.inChannels() : 4);
            INDArray gradOutput = Nd4j.randn(DataType.DOUBLE, net.forward(input).shape());
            INDArray full = net.backward(gradOutput, true).dup();
            net.forward(input);
            INDArray inputOnly = net.backward(gradOutput, false);
            assertTrue(full.equalsWithEps(inputOnly, 1e-12), "input gradient without parameter gradients");
        }
    }

    /** Running means and variances all in [0.5, 1.5), as a trained net might have. */
    private static void withRandomRunningStatistics(Sequential net) {
        net.loadRunningStatistics(Nd4j.rand(DataType.DOUBLE, net.runningStatistics().length()).addi(0.5));
        net.useRunningStatistics(true);
    }

    private static void checkNet(Sequential net, long... inputShape) {
        GradientCheck.checkNet(net, MAX_RELATIVE_ERROR, inputShape);
    }
}
