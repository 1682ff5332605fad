package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The WGAN-GP critic penalty as SinGAN computes it, and its gradient with respect to the critic's
 * parameters, without double backprop (ND4J cannot differentiate its backprop ops).
 *
 * <p>With x^ = a * real + (1 - a) * fake and g = d(sum D(x^))/dx^, SinGAN's penalty is
 * P = lambda * mean over pixels of (|g_pixel| - 1)^2, where |g_pixel| is the norm over channels.
 * Its parameter gradient is dP/dtheta = d/dtheta (v . g(theta)) with v = dP/dg held fixed, a
 * Hessian-vector product, computed here by central differences of first-order gradients:
 * dP/dtheta ~= |v| * (dS/dtheta(x^ + h v^) - dS/dtheta(x^ - h v^)) / (2h), with S = sum D and
 * v^ = v / |v|. During the two difference passes the leaky ReLUs keep the slope pattern they had
 * at x^, as double backprop does; otherwise kink crossings dominate the difference in float32.
 * The error is O(h^2); tests check it against numerical differentiation of P.
 */
public final class GradientPenalty {
    /** Finite-difference step for float32: measured best against a double-precision reference. */
    public static final double SINGLE_PRECISION_STEP = 3e-3;

    private final double lambda;
    private final double stepPerElement;

    private final Buffer interpolated = new Buffer();
    private final Buffer shifted = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private final Buffer direction = new Buffer();
    private final Buffer ones = new Buffer();
    private final Buffer signedScales = new Buffer();

    /**
     * @param lambda         the penalty weight (SinGAN: 0.1)
     * @param stepPerElement the finite-difference step as a root-mean-square change per input
     *                       element; the step along the unit direction is this times sqrt(size)
     */
    public GradientPenalty(double lambda, double stepPerElement) {
        this.lambda = lambda;
        this.stepPerElement = stepPerElement;
    }

    /**
     * Computes the penalty at x^ = mix * real + (1 - mix) * fake and adds its gradient with respect
     * to the critic's parameters to the critic's gradients.
     *
     * @return the penalty value
     */
    public double accumulate(Sequential critic, INDArray real, INDArray fake, double mix) {
        INDArray xHat = interpolated.like(real).assign(real).muli(mix).addi(fake.mul(1 - mix));
        INDArray g = inputGradientAt(critic, xHat);

        // Per pixel: norm over channels, n = |g_pixel|, and dP/dg = 2 lambda / N * (n - 1) / n * g.
        INDArray norms = Transforms.sqrt(g.mul(g).sum(true, 3), false);
        long pixels = norms.length();
        INDArray excess = norms.sub(1.0);
        double penalty = lambda * excess.mul(excess).sumNumber().doubleValue() / pixels;
        INDArray coefficient = excess.divi(Transforms.max(norms, 1e-12, false)).muli(2.0 * lambda / pixels);
        INDArray v = direction.like(g).assign(g).muli(coefficient);

        double vNorm = v.norm2Number().doubleValue();
        if (vNorm == 0) {
            return penalty;
        }
        v.divi(vNorm);
        double h = stepPerElement * Math.sqrt(v.length());
        double scale = vNorm / (2 * h);
        // x^ + h v^ and x^ - h v^ as one batch of two (the critic normalises each image on its own).
        long[] shape = xHat.shape().clone();
        shape[0] *= 2;
        INDArray pair = shifted.get(xHat.dataType(), shape);
        long n = xHat.size(0);
        pair.get(NDArrayIndex.interval(0, n)).assign(v).muli(h).addi(xHat);
        pair.get(NDArrayIndex.interval(n, 2 * n)).assign(v).muli(-h).addi(xHat);
        critic.freezeActivationPatterns(true);
        try {
            INDArray out = critic.forward(pair);
            INDArray signedScale = signedScales.like(out);
            signedScale.get(NDArrayIndex.interval(0, n)).assign(scale);
            signedScale.get(NDArrayIndex.interval(n, 2 * n)).assign(-scale);
            critic.backward(signedScale, true);
        } finally {
            critic.freezeActivationPatterns(false);
        }
        return penalty;
    }

    /** The penalty alone, without gradients (for checks and logging). */
    public double value(Sequential critic, INDArray real, INDArray fake, double mix) {
        INDArray xHat = interpolated.like(real).assign(real).muli(mix).addi(fake.mul(1 - mix));
        INDArray g = inputGradientAt(critic, xHat);
        INDArray excess = Transforms.sqrt(g.mul(g).sum(true, 3), false).subi(1.0);
        return lambda * excess.muli(excess).meanNumber().doubleValue();
    }

    /** d(sum D(x))/dx, copied out of the critic's buffers; leaves parameter gradients untouched. */
    private INDArray inputGradientAt(Sequential critic, INDArray x) {
        INDArray out = critic.forward(x);
        INDArray gradIn = critic.backward(ones.like(out).assign(1.0), false);
        return inputGradient.like(gradIn).assign(gradIn);
    }
}
