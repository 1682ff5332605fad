package org.singanseg.studio.core.nn;

import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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
    private final Buffer unitScale = new Buffer();
    private final Buffer zeroShift = new Buffer();

    public BatchNorm(int channels) {
        this.channels = channels;
    }

    @Override
    public List<long[]> parameterShapes() {
        return List.of(new long[]{channels}, new long[]{channels});
    }

    @Override
    public void bind(List<INDArray> parameters, List<INDArray> gradients) {
        gamma = parameters.get(0);
        beta = parameters.get(1);
        gammaGrad = gradients.get(0);
        betaGrad = gradients.get(1);
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
        Ops.channelMoments(x, m, v);
        INDArray out = output.like(x);
        Ops.batchNorm(x, m, v, gamma, beta, out, EPSILON);
        return out;
    }

    /**
     * With xh = (x - mean) / sqrt(var + eps) and N values per channel:
     * dBeta = sum(g), dGamma = sum(g * xh), and
     * dx = gamma / (N sqrt(var + eps)) * (N g - dBeta - xh dGamma).
     * libnd4j's batchnorm_bp was off by about 1e-5 relative in double-precision checks, so the
     * backward pass is written out here; the batchnorm op still does the per-channel affine maps.
     */
    @Override
    public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
        INDArray m = mean.like(gamma);
        INDArray v = variance.like(gamma);
        long n = input.length() / channels;

        INDArray normalised = work.like(input);
        Ops.batchNorm(input, m, v, unitScale.like(gamma).assign(1), zeroShift.like(gamma).assign(0),
                normalised, EPSILON);
        INDArray gBeta = gradOutput.sum(0, 2, 3);
        INDArray gGamma = normalised.muli(gradOutput).sum(0, 2, 3);

        INDArray gIn = gradInput.like(input);
        Ops.batchNorm(input, m, v, gGamma.neg(), gBeta.neg(), gIn, EPSILON);
        gIn.addi(normalised.assign(gradOutput).muli(n));
        INDArray perChannel = v.add(EPSILON);
        Transforms.sqrt(perChannel, false).rdivi(1.0).muli(gamma).divi(n);
        Ops.scaleChannels(gIn, perChannel);
        if (accumulateParamGrads) {
            gammaGrad.addi(gGamma);
            betaGrad.addi(gBeta);
        }
        return gIn;
    }
}
