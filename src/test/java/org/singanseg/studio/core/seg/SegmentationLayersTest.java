package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.BatchNorm;
import org.singanseg.studio.core.nn.Chain;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.GradientCheck;
import org.singanseg.studio.core.nn.Layer;
import org.singanseg.studio.core.nn.LeakyRelu;
import org.singanseg.studio.core.nn.MaxPool2x2;
import org.singanseg.studio.core.nn.Sequential;

/**
 * The U-Net's layers: same-padded convolution, 2x2 max pooling, 2x upsampling, channel
 * concatenation and chains of layers. Numerical gradient checks (double precision, relative error
 * below 1e-5, input and parameters) and forward and backward values worked out by hand, in
 * float and double. Arrays are channels-last, [batch, height, width, channels].
 */
class SegmentationLayersTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    private static final DataType[] TYPES = {DataType.DOUBLE, DataType.FLOAT};

    @Test
    void sameConvolutionGradients() {
        report("same conv2d", GradientCheck.checkNet(net(Conv2d.same(3, 4, 3)), MAX_RELATIVE_ERROR, 2, 5, 6, 3));
    }

    @Test
    void maxPoolingGradientsWithOddSides() {
        report("max pool 2x2", GradientCheck.checkNet(net(new MaxPool2x2()), MAX_RELATIVE_ERROR, 2, 7, 5, 3));
    }

    @Test
    void upsamplingGradients() {
        report("upsample 2x", GradientCheck.checkNet(net(new Upsample2x()), MAX_RELATIVE_ERROR, 2, 3, 4, 3));
    }

    @Test
    void chainOfBlocksGradients() {
        Chain block = new Chain(List.of(Conv2d.same(3, 4, 3), new BatchNorm(4), new LeakyRelu(0)));
        report("chain", GradientCheck.checkNet(net(block, new MaxPool2x2(), new Upsample2x(), Conv2d.same(4, 2, 1)),
                MAX_RELATIVE_ERROR, 2, 6, 4, 3));
    }

    @Test
    void concatenationGradients() {
        Nd4j.getRandom().setSeed(7);
        INDArray a = Nd4j.randn(DataType.DOUBLE, 2, 3, 4, 2);
        INDArray b = Nd4j.randn(DataType.DOUBLE, 2, 3, 4, 3);
        INDArray r = Nd4j.randn(DataType.DOUBLE, 2, 3, 4, 5);
        ChannelStack concat = new ChannelStack(2);
        concat.forward(a, b);
        INDArray[] g = concat.backward(r);
        INDArray ga = g[0].dup();
        INDArray gb = g[1].dup();
        DoubleSupplier loss = () -> concat.forward(a, b).mul(r).sumNumber().doubleValue();
        report("concat", new GradientCheck.Errors(GradientCheck.check("dL/dfirst", a, ga, loss, MAX_RELATIVE_ERROR),
                GradientCheck.check("dL/dsecond", b, gb, loss, MAX_RELATIVE_ERROR)));
    }

    @Test
    void sameConvolutionZeroPadsAndKeepsTheSize() {
        for (DataType type : TYPES) {
            Conv2d conv = Conv2d.same(2, 1, 3);
            Sequential net = new Sequential(type, List.of(conv));
            // Weights [3, 3, 2, 1]: channel 0 all ones, channel 1 zeros; bias 0.5. So each output
            // is 0.5 + the sum of channel 0 over the 3x3 neighbourhood inside the image.
            INDArray w = Nd4j.zeros(type, 3, 3, 2, 1);
            w.get(all(), all(), point(0), all()).assign(1);
            net.parameters().assign(Nd4j.concat(0, w.reshape(18), Nd4j.createFromArray(0.5).castTo(type)));
            INDArray x = Nd4j.zeros(type, 1, 3, 3, 2);
            x.get(all(), all(), all(), point(0))
                    .assign(Nd4j.createFromArray(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9}).reshape(1, 3, 3).castTo(type));
            x.get(all(), all(), all(), point(1)).assign(100);
            INDArray out = net.forward(x);
            assertArrayEquals(new long[]{1, 3, 3, 1}, out.shape());
            double[] expected = {12, 21, 16, 27, 45, 33, 24, 39, 28};
            for (int i = 0; i < 9; i++) {
                assertEquals(expected[i] + 0.5, out.getDouble(0, i / 3, i % 3, 0), 1e-5, type + " pixel " + i);
            }
        }
    }

    @Test
    void sameConvolutionInputGradientMatchesTheFullBackward() {
        Sequential net = net(Conv2d.same(3, 4, 3));
        net.initialise(new Random(5));
        INDArray input = Nd4j.randn(DataType.DOUBLE, 2, 7, 6, 3);
        INDArray gradOutput = Nd4j.randn(DataType.DOUBLE, net.forward(input).shape());
        INDArray full = net.backward(gradOutput, true).dup();
        net.forward(input);
        assertTrue(full.equalsWithEps(net.backward(gradOutput, false), 1e-12));
    }

    @Test
    void maxPoolingTakesWindowMaximaAndRoutesGradientsToTheFirstMaximum() {
        for (DataType type : TYPES) {
            MaxPool2x2 pool = new MaxPool2x2();
            // 3x5, one channel: windows rows 0-1 x columns 0-1 and 0-1 x 2-3; row 2 and column 4 dropped.
            INDArray x = Nd4j.createFromArray(new double[]{
                    1, 1, 2, 0, 9,
                    1, 0, 2, 3, 9,
                    5, 6, 7, 8, 9}).reshape(1, 3, 5, 1).castTo(type);
            INDArray out = pool.forward(x);
            assertArrayEquals(new long[]{1, 1, 2, 1}, out.shape());
            assertEquals(1.0, out.getDouble(0, 0, 0, 0), 0.0);
            assertEquals(3.0, out.getDouble(0, 0, 1, 0), 0.0);
            INDArray g = pool.backward(Nd4j.createFromArray(new double[]{10, 20}).reshape(1, 1, 2, 1).castTo(type));
            // The first window's maximum 1 appears three times: only the first (0, 0) gets 10.
            double[] expected = {
                    10, 0, 0, 0, 0,
                    0, 0, 0, 20, 0,
                    0, 0, 0, 0, 0};
            assertArrayEquals(expected, g.ravel().toDoubleVector(), 0.0, type.toString());
        }
    }

    @Test
    void maxPoolingKeepsChannelsApart() {
        INDArray x = Nd4j.createFromArray(new double[]{1, -1, 2, -2, 3, -3, 4, -4}).reshape(1, 2, 2, 2);
        INDArray out = new MaxPool2x2().forward(x);
        assertArrayEquals(new double[]{4, -1}, out.ravel().toDoubleVector(), 0.0);
    }

    @Test
    void upsamplingRepeatsPixelsAndSumsGradientBlocks() {
        for (DataType type : TYPES) {
            Upsample2x up = new Upsample2x();
            INDArray x = Nd4j.createFromArray(new double[]{1, 2, 3, 4, 5, 6}).reshape(1, 2, 3, 1).castTo(type);
            INDArray out = up.forward(x);
            assertArrayEquals(new long[]{1, 4, 6, 1}, out.shape());
            assertArrayEquals(new double[]{
                    1, 1, 2, 2, 3, 3,
                    1, 1, 2, 2, 3, 3,
                    4, 4, 5, 5, 6, 6,
                    4, 4, 5, 5, 6, 6}, out.ravel().toDoubleVector(), 0.0);
            INDArray gradOut = Nd4j.linspace(1, 24, 24, type).reshape(1, 4, 6, 1);
            // Block (0, 0) holds 1, 2, 7, 8; block (1, 2) holds 17, 18, 23, 24.
            assertArrayEquals(new double[]{18, 26, 34, 66, 74, 82}, up.backward(gradOut).ravel().toDoubleVector(), 1e-5);
        }
    }

    @Test
    void concatenationStacksChannelsAndSplitsGradients() {
        for (DataType type : TYPES) {
            ChannelStack concat = new ChannelStack(2);
            INDArray a = Nd4j.createFromArray(new double[]{1, 2}).reshape(1, 1, 2, 1).castTo(type);
            INDArray b = Nd4j.createFromArray(new double[]{3, 4, 5, 6}).reshape(1, 1, 2, 2).castTo(type);
            INDArray out = concat.forward(a, b);
            assertArrayEquals(new long[]{1, 1, 2, 3}, out.shape());
            assertArrayEquals(new double[]{1, 3, 4, 2, 5, 6}, out.ravel().toDoubleVector(), 0.0);
            INDArray[] g = concat.backward(
                    Nd4j.createFromArray(new double[]{10, 30, 40, 20, 50, 60}).reshape(1, 1, 2, 3).castTo(type));
            assertArrayEquals(new double[]{10, 20}, g[0].ravel().toDoubleVector(), 0.0);
            assertArrayEquals(new double[]{30, 40, 50, 60}, g[1].ravel().toDoubleVector(), 0.0);
        }
    }

    private static Sequential net(Layer... layers) {
        return new Sequential(DataType.DOUBLE, List.of(layers));
    }

    /** For the record in the test output; concatenation reports its second input as "parameters". */
    private static void report(String what, GradientCheck.Errors errors) {
        System.out.println("gradient check " + what + ": input " + errors.input() + "; parameters " + errors.parameters());
    }
}
