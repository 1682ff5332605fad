package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.compute.Buffer;
import org.singanseg.studio.core.nn.compute.ChannelPasses;
import org.singanseg.studio.core.nn.compute.HostValues;

/**
 * SinGAN's batch normalisation, per channel over space. In training mode it uses the statistics
 * of the current input (SinGAN trains with batches of one image), taken per image, so a batch of
 * several images gives exactly what each would give alone: independent passes can share one
 * call. {@link #trackImage} folds an image's statistics into PyTorch-style running estimates,
 * which inference mode (SinGAN's eval(), used by finished scales) normalises with instead.
 * Gamma starts at N(1, 0.02), beta at 0.
 *
 * <p>Both passes are per-(image, channel) affine maps of full-size arrays, y = s x + t, with the
 * small coefficient algebra done in Java and the full-size work in single Java passes
 * ({@link ChannelPasses}: vectorised for float32, in double for double arrays); libnd4j's
 * batchnorm op was slower for per-image statistics in channels-last layout, and its batchnorm_bp
 * was off by about 1e-5 relative in double-precision checks.
 *
 * <p>{@link #withLeakyRelu} makes one followed by a leaky ReLU (SinGAN's Conv-BN-LeakyReLU blocks)
 * in the same passes: the activation is applied as the affine pass writes its output, and its
 * backward (g times the slope) as the gradient passes read g. This replaces the separate layer's
 * three libnd4j ops per forward and backward (slopes, multiply; multiply) and its full-size
 * arrays; the slope pattern can be frozen like the separate layer's ({@link PiecewiseLinear}).
 */
public final class BatchNorm implements Layer, PiecewiseLinear {
    static final double EPSILON = 1e-5;
    /** The slope of "no activation". */
    private static final double LINEAR = 1.0;

    private final int channels;
    private final double negativeSlope;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGrad;
    private INDArray betaGrad;

    private final RunningStatistics running;
    private boolean inference;

    private INDArray input;
    private double[] means;
    private double[] variances;
    private double[] inverseStd;
    private final Buffer output = new Buffer();
    private final Buffer gradInput = new Buffer();
    private ChannelPasses passes;
    /**
     * Copies gamma and beta in and their gradients out: INDArray.toDoubleVector and putScalar
     * cost a native copy or an indexed call each, several hundred times per training iteration.
     */
    private final HostValues values = new HostValues();

    /** Batch norm alone. */
    public BatchNorm(int channels) {
        this(channels, LINEAR);
    }

    private BatchNorm(int channels, double negativeSlope) {
        this.channels = channels;
        this.negativeSlope = negativeSlope;
        this.running = new RunningStatistics(channels);
    }

    /** Batch norm followed by max(y, slope * y), in one layer. */
    public static BatchNorm withLeakyRelu(int channels, double negativeSlope) {
        return new BatchNorm(channels, negativeSlope);
    }

    @Override
    public void freeze(int fromImage) {
        passes.freeze(fromImage);
    }

    @Override
    public void unfreeze() {
        passes.unfreeze();
    }

    /** True: normalise with the running statistics (inference); false: with each image's own. */
    void useRunningStatistics(boolean use) {
        inference = use;
    }

    /** Folds the last training-mode forward's statistics of one image into the running statistics. */
    void trackImage(int image) {
        if (inference) {
            throw new IllegalStateException("Running statistics are only tracked in training mode");
        }
        running.add(means, variances, image, input.size(1) * input.size(2));
    }

    RunningStatistics runningStatistics() {
        return running;
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
        passes = ChannelPasses.forType(gamma.dataType(), negativeSlope);
    }

    @Override
    public void initialise(Random random) {
        Init.normal(gamma, random, 1.0, 0.02);
        Init.constant(beta, 0.0);
    }

    /** y = gamma (x - mean) / sqrt(var + eps) + beta = s x + t per image and channel. */
    @Override
    public INDArray forward(INDArray x) {
        input = x;
        int images = (int) x.size(0);
        if (inference) {
            runningMoments(images);
        } else {
            means = new double[images * channels];
            variances = new double[images * channels];
            passes.moments(x, means, variances);
        }
        double[] gammas = read(gamma);
        double[] betas = read(beta);
        inverseStd = new double[means.length];
        double[] s = new double[means.length];
        double[] t = new double[means.length];
        for (int i = 0; i < means.length; i++) {
            int c = i % channels;
            inverseStd[i] = 1 / Math.sqrt(variances[i] + EPSILON);
            s[i] = gammas[c] * inverseStd[i];
            t[i] = betas[c] - means[i] * s[i];
        }
        INDArray out = output.like(x);
        passes.affine(x, s, t, out);
        return out;
    }

    /** The running statistics repeated for every image, in place of the batch's own. */
    private void runningMoments(int images) {
        means = new double[images * channels];
        variances = new double[images * channels];
        for (int i = 0; i < means.length; i++) {
            means[i] = running.mean(i % channels);
            variances[i] = running.variance(i % channels);
        }
    }

    /**
     * With e = dLoss/dy (g through the activation's slopes), s = 1 / sqrt(var + eps),
     * xh = (x - mean) s and N pixels per image and channel:
     * dBeta = sum(e), dGamma = s (sum(e x) - mean sum(e)), and
     * dx = gamma s / N (N e - dBeta - xh dGamma) = a e + b x + c per image and channel.
     * In inference mode mean and s are constants, so dx = gamma s e (b = c = 0).
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        long n = input.size(1) * input.size(2);
        double[] sumG = new double[means.length];
        double[] sumGX = new double[means.length];
        passes.gradientSums(gradOutput, sumG, sumGX);
        double[] gammas = read(gamma);

        double[] a = new double[sumG.length];
        double[] b = new double[sumG.length];
        double[] c = new double[sumG.length];
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        for (int i = 0; i < sumG.length; i++) {
            int channel = i % channels;
            double s = inverseStd[i];
            double dGammaHere = s * (sumGX[i] - means[i] * sumG[i]);
            dGamma[channel] += dGammaHere;
            dBeta[channel] += sumG[i];
            double k = gammas[channel] * s / n;
            a[i] = k * n;
            if (!inference) {
                b[i] = -k * dGammaHere * s;
                c[i] = -k * sumG[i] - b[i] * means[i];
            }
        }
        INDArray gIn = gradInput.like(input);
        passes.combine(gradOutput, a, b, c, gIn);
        values.write(dGamma, gammaGrad, 0, channels);
        values.write(dBeta, betaGrad, 0, channels);
        return gIn;
    }

    /** A per-channel parameter (a view into the net's flat array) as Java values. */
    private double[] read(INDArray parameter) {
        double[] out = new double[channels];
        values.read(parameter, 0, channels, out);
        return out;
    }
}
