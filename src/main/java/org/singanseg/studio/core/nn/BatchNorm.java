package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation per channel over batch and space, always with the statistics of the current
 * batch: SinGAN trains and samples with batch size 1 in training mode, so no running averages are
 * kept. Gamma starts at N(1, 0.02), beta at 0, as in SinGAN.
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
        INDArray m = mean.get(x.dataType(), channels);
        INDArray v = variance.get(x.dataType(), channels);
        moments.run(x, m, v);
        INDArray out = output.like(x);
        normalise.run(x, m, v, gamma, beta, out);
        return out;
    }

    /**
     * With s = 1 / sqrt(var + eps), xh = (x - mean) s and N values per channel:
     * dBeta = sum(g), dGamma = s (sum(g x) - mean sum(g)), and
     * dx = gamma s / N (N g - dBeta - xh dGamma), which is a g + b x + c per channel. The per-channel
     * algebra runs in Java; three full-size passes remain (libnd4j's batchnorm_bp was off by about
     * 1e-5 relative in double-precision checks, and slower).
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        var type = input.dataType();
        long n = input.length() / channels;
        INDArray products = work.like(input);
        Nd4j.exec(new MulOp(gradOutput, input, products));
        double[] sumG = sumOfGrad.sum(gradOutput);
        double[] sumGX = sumOfGradTimesInput.sum(products);
        double[] m = mean.get(type, channels).toDoubleVector();
        double[] v = variance.get(type, channels).toDoubleVector();
        double[] gammas = gamma.toDoubleVector();

        double[] a = new double[channels];
        double[] b = new double[channels];
        double[] c = new double[channels];
        double[] dGamma = new double[channels];
        for (int i = 0; i < channels; i++) {
            double s = 1 / Math.sqrt(v[i] + EPSILON);
            dGamma[i] = s * (sumGX[i] - m[i] * sumG[i]);
            double k = gammas[i] * s / n;
            a[i] = k * n;
            b[i] = -k * dGamma[i] * s;
            c[i] = -k * sumG[i] - b[i] * m[i];
            // The batchnorm op below divides by sqrt(1 + eps) with variance 1: undo that.
            b[i] *= Math.sqrt(1 + EPSILON);
        }
        INDArray gIn = gradInput.like(input);
        affineOfInput.run(input, zeros.constant(type, channels, 0), ones.constant(type, channels, 1),
                inputScale.set(type, b), shift.set(type, c), gIn);
        Ops.scaleChannels(gradOutput, gradScale.set(type, a), products);
        gIn.addi(products);
        ChannelVector.write(gammaGrad, dGamma);
        ChannelVector.write(betaGrad, sumG);
        return gIn;
    }
}
