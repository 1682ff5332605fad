package org.singanseg.studio.core.gan;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.singanseg.studio.core.nn.Sequential;

/**
 * The trained generators, coarse to fine, run as SinGAN does: at scale k the input is
 * amp_k * z_k + x_{k-1} (upsampled previous output), zero-padded, and the output is
 * G_k(input) + x_{k-1}. Noise is fresh per scale, or the fixed reconstruction noise z_opt below
 * the start scale (the reconstruction uses z_opt everywhere). Several independent images can be
 * made in one batch. The generators run in inference mode (batch norm with running statistics),
 * as SinGAN's finished scales do after G.eval().
 */
final class GeneratorPyramid {
    private final double upsamplingFactor;
    private final List<TrainedScale> scales = new ArrayList<>();
    private final List<Sequential> generators = new ArrayList<>();

    /** @param scaleFactor the pyramid's factor between neighbouring scales (below 1) */
    GeneratorPyramid(double scaleFactor) {
        this.upsamplingFactor = 1 / scaleFactor;
    }

    void add(TrainedScale scale) {
        Sequential generator = ScaleNets.generator(DataType.FLOAT, FourChannel.CHANNELS, scale.networkWidth(),
                scale.batchNorm());
        generator.parameters().assign(scale.generator());
        generator.loadRunningStatistics(scale.generatorStatistics());
        generator.useRunningStatistics(true);
        scales.add(scale);
        generators.add(generator);
    }

    /**
     * Runs scales 0 .. count-1 at their trained sizes and returns the last outputs upsampled to the
     * given size: the "previous image" inputs of scale {@code count}, [batch, height, width, 4];
     * zeros when count is 0. With {@code noise} null every scale uses z_opt (the reconstruction).
     */
    INDArray previousFor(int count, int height, int width, NoiseSource noise, int batch) {
        if (count == 0) {
            return Nd4j.zeros(DataType.FLOAT, batch, height, width, FourChannel.CHANNELS);
        }
        return upsampled(run(count, 1, 1, noise, 0, batch), height, width);
    }

    /** A side of a scale at a size factor, as samples are drawn. */
    static int scaledSide(int side, double factor) {
        return Math.max(1, (int) Math.round(side * factor));
    }

    /**
     * Output of scale {@code count - 1}, every scale at its trained size times the factors; below
     * {@code startScale}, or everywhere when {@code noise} is null, z_opt replaces fresh noise.
     */
    INDArray run(int count, double hScale, double wScale, NoiseSource noise, int startScale, int batch) {
        INDArray previous = null;
        for (int k = 0; k < count; k++) {
            TrainedScale scale = scales.get(k);
            int h = scaledSide(scale.height(), hScale);
            int w = scaledSide(scale.width(), wScale);
            INDArray prev = previous == null
                    ? Nd4j.zeros(DataType.FLOAT, batch, h, w, FourChannel.CHANNELS)
                    : upsampled(previous, h, w);
            INDArray z = k < startScale || noise == null
                    ? Tensors.resize(scale.reconstructionNoise(), h, w).repeat(0, batch)
                    : noise.gaussian(batch, FourChannel.CHANNELS, h, w, k == 0);
            previous = step(k, z, prev);
        }
        return previous;
    }

    /**
     * The next scale's "previous image" as SinGAN's draw_concat makes it: clamped into [-1, 1] (the
     * residual sum can exceed it), enlarged by 1 / scale factor and cropped top-left to the next size.
     */
    private INDArray upsampled(INDArray previous, int height, int width) {
        INDArray clamped = Transforms.min(Transforms.max(previous, -1.0, true), 1.0, false);
        return Tensors.resizeByFactor(clamped, upsamplingFactor, height, width);
    }

    /** One scale: G_k(pad(amp * z + prev)) + prev. */
    private INDArray step(int k, INDArray z, INDArray prev) {
        INDArray input = Tensors.pad(z.mul(scales.get(k).noiseAmp()).addi(prev), ScaleNets.PADDING);
        return generators.get(k).forward(input).add(prev);
    }
}
