package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SinGAN's batch normalisation: per channel over space, always with the statistics of the current
 * input (SinGAN trains and samples with batches of one in training mode; no running averages).
 * Statistics are taken per image, so a batch of several images gives exactly what each would
 * give alone: independent passes can share one call. Gamma starts at N(1, 0.02), beta at 0.
 *
 * <p>Internally a [B, C, H, W] input is viewed as [1, B*C, H, W]: every (image, channel) pair is a
 * "channel" of its own, with gamma and beta repeated per image.
 */
public final class BatchNorm implements Layer {
    static final double EPSILON = 1e-5;

    private final int channels;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGrad;
    private INDArray betaGrad;

    private INDArray input;
    private final Buffer mean = new Buffer();
    private final Buffer variance = new Buffer();
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private final Buffer work = new Buffer();
    private final ChannelVector sumOfGrad = new ChannelVector();
    private final ChannelVector sumOfGradTimesInput = new ChannelVector();
    private final ChannelVector gradScale = new ChannelVector();
    private final ChannelVector inputScale = new ChannelVector();
    private final ChannelVector shift = new ChannelVector();
    private final ChannelVector tiledGamma = new ChannelVector();
    private final ChannelVector tiledBeta = new ChannelVector();
    private final ChannelVector zeros = new ChannelVector();
    private final ChannelVector ones = new ChannelVector();
    private final NativeOp moments = Ops.channelMoments();
    private final NativeOp normalise = Ops.batchNorm(EPSILON);
    private final NativeOp affineOfInput = Ops.batchNorm(EPSILON);

    public BatchNorm(int channels) {
        this.channels = channels;
    }

    @Override
    public List<long[]> parameterShapes() {
        return List.of(new long[]{channels}, new long[]{channels});
    }

    @Override
    public void bind(List<INDArray> parameters, List<INDArray> passGradients) {
        gamma = parameters.get(0);
        beta = parameters.get(1);
        gammaGrad = passGradients.get(0);
        betaGrad = passGradients.get(1);
    }

    @Override
    public void initialise(Random random) {
        Init.normal(gamma, random, 1.0, 0.02);
        Init.constant(beta, 0.0);
    }

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        DataType type = x.dataType();
        int groups = groups(x);
        INDArray xs = perImageChannels(x);
        INDArray m = mean.get(type, groups);
        INDArray v = variance.get(type, groups);
        moments.run(xs, m, v);
        INDArray out = output.like(xs);
        normalise.run(xs, m, v, tiled(tiledGamma, gamma, x), tiled(tiledBeta, beta, x), out);
        return out.reshape('c', x.shape());
    }

    /**
     * With s = 1 / sqrt(var + eps), xh = (x - mean) s and N values per image and channel:
     * dBeta = sum(g), dGamma = s (sum(g x) - mean sum(g)), and
     * dx = gamma s / N (N g - dBeta - xh dGamma), which is a g + b x + c per image and channel. The
     * small per-channel algebra runs in Java; three full-size passes remain (libnd4j's batchnorm_bp
     * was off by about 1e-5 relative in double-precision checks, and slower).
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        DataType type = input.dataType();
        int groups = groups(input);
        long n = input.length() / groups;
        INDArray xs = perImageChannels(input);
        INDArray gs = perImageChannels(gradOutput);
        INDArray products = work.like(xs);
        Nd4j.exec(new MulOp(gs, xs, products));
        double[] sumG = sumOfGrad.sum(gs);
        double[] sumGX = sumOfGradTimesInput.sum(products);
        double[] m = mean.get(type, groups).toDoubleVector();
        double[] v = variance.get(type, groups).toDoubleVector();
        double[] gammas = gamma.toDoubleVector();

        double[] a = new double[groups];
        double[] b = new double[groups];
        double[] c = new double[groups];
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        for (int i = 0; i < groups; i++) {
            int channel = i % channels;
            double s = 1 / Math.sqrt(v[i] + EPSILON);
            double dGammaHere = s * (sumGX[i] - m[i] * sumG[i]);
            dGamma[channel] += dGammaHere;
            dBeta[channel] += sumG[i];
            double k = gammas[channel] * s / n;
            a[i] = k * n;
            b[i] = -k * dGammaHere * s;
            c[i] = -k * sumG[i] - b[i] * m[i];
            // The batchnorm op below divides by sqrt(1 + eps) with variance 1: undo that.
            b[i] *= Math.sqrt(1 + EPSILON);
        }
        INDArray gIn = gradInput.like(xs);
        affineOfInput.run(xs, zeros.constant(type, groups, 0), ones.constant(type, groups, 1),
                inputScale.set(type, b), shift.set(type, c), gIn);
        Ops.scaleChannels(gs, gradScale.set(type, a), products);
        gIn.addi(products);
        ChannelVector.write(gammaGrad, dGamma);
        ChannelVector.write(betaGrad, dBeta);
        return gIn.reshape('c', input.shape());
    }

    private int groups(INDArray x) {
        return (int) (x.size(0) * channels);
    }

    /** [B, C, H, W] viewed as [1, B*C, H, W] (the layers' buffers are contiguous). */
    private INDArray perImageChannels(INDArray x) {
        return x.size(0) == 1 ? x : x.reshape('c', new long[]{1, x.size(0) * channels, x.size(2), x.size(3)});
    }

    /** The parameter itself for one image, else repeated once per image. */
    private static INDArray tiled(ChannelVector target, INDArray parameter, INDArray x) {
        if (x.size(0) == 1) {
            return parameter;
        }
        double[] values = parameter.toDoubleVector();
        double[] repeated = new double[(int) (values.length * x.size(0))];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = values[i % values.length];
        }
        return target.set(parameter.dataType(), repeated);
    }
}
