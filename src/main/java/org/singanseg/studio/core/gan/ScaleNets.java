package org.singanseg.studio.core.gan;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.singanseg.studio.core.nn.BatchNorm;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.Layer;
import org.singanseg.studio.core.nn.LeakyRelu;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.TanhActivation;

/**
 * SinGAN's per-scale networks: five 3x3 valid convolutions (head, three body blocks, tail), each
 * block Conv-BatchNorm-LeakyReLU(0.2) (the last two fused in one layer), or Conv-LeakyReLU without
 * batch norm, all of width nfc. The generator's tail maps back to the
 * image channels through tanh; the critic's tail gives a one-channel patch map.
 */
public final class ScaleNets {
    public static final int KERNEL = 3;
    public static final int BLOCKS = 5;
    public static final double LEAKY_SLOPE = 0.2;
    /** Pixels each side lost by the five valid convolutions, so inputs are padded by this much. */
    public static final int PADDING = BLOCKS * (KERNEL - 1) / 2;

    private ScaleNets() {
    }

    public static Sequential generator(DataType type, int channels, int width, boolean batchNorm) {
        List<Layer> layers = body(channels, width, batchNorm);
        layers.add(new Conv2d(width, channels, KERNEL));
        layers.add(new TanhActivation());
        return new Sequential(type, layers);
    }

    public static Sequential critic(DataType type, int channels, int width, boolean batchNorm) {
        List<Layer> layers = body(channels, width, batchNorm);
        layers.add(new Conv2d(width, 1, KERNEL));
        return new Sequential(type, layers);
    }

    /** Number of parameters of a generator (or critic) of this width for 4-channel images. */
    public static long parameterCount(int width, boolean critic, boolean batchNorm) {
        long norm = batchNorm ? 2L * width : 0;
        long head = 9L * FourChannel.CHANNELS * width + width + norm;
        long body = 3 * (9L * width * width + width + norm);
        int out = critic ? 1 : FourChannel.CHANNELS;
        return head + body + 9L * width * out + out;
    }

    /** Number of batch-norm running statistics (means and variances) of a generator of this width. */
    public static long runningStatisticsCount(int width, boolean batchNorm) {
        return batchNorm ? 2L * (BLOCKS - 1) * width : 0;
    }

    private static List<Layer> body(int channels, int width, boolean batchNorm) {
        List<Layer> layers = new ArrayList<>();
        int in = channels;
        for (int block = 0; block < BLOCKS - 1; block++) {
            layers.add(new Conv2d(in, width, KERNEL));
            layers.add(batchNorm ? BatchNorm.withLeakyRelu(width, LEAKY_SLOPE) : new LeakyRelu(LEAKY_SLOPE));
            in = width;
        }
        return layers;
    }
}
