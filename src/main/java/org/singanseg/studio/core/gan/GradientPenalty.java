package org.singanseg.studio.core.gan;

import java.util.function.UnaryOperator;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.compute.Buffer;
import org.singanseg.studio.core.nn.compute.HostValues;

/**
 * The WGAN-GP critic penalty as SinGAN computes it, and its gradient with respect to the critic's
 * parameters, without double backprop (ND4J cannot differentiate its backprop ops).
 *
 * <p>With x^ = a * real + (1 - a) * fake and g = d(sum D(x^))/dx^, SinGAN's penalty is
 * P = lambda * mean over pixels of (|g_pixel| - 1)^2, where |g_pixel| is the norm over channels.
 * Its parameter gradient is dP/dtheta = d/dtheta (v . g(theta)) with v = dP/dg held fixed, a
 * Hessian-vector product, computed here by a forward difference of first-order gradients:
 * dP/dtheta ~= |v| * (dS/dtheta(x^ + h v^) - dS/dtheta(x^)) / h, with S = sum D and v^ = v / |v|.
 * dS/dtheta(x^) comes from the same backward pass that gives g; x^ + h v^ takes one more critic
 * pass, which can carry other inputs too. During that pass the leaky ReLUs keep the slope pattern
 * they had at x^ for the shifted image, as double backprop does; otherwise kink crossings dominate
 * the difference in float32. A central difference (x^ +- h v^) has a smaller error, O(h^2) against
 * O(h), but costs a third critic image per step; tests check this one against numerical
 * differentiation of P and against double precision.
 *
 * <p>The small elementwise steps (x^, the per-pixel norms, v, the shifted inputs) are Java loops
 * on double copies of these image-sized arrays: as libnd4j ops each cost more in call overhead
 * than in arithmetic at SinGAN's coarse scales. {@link SinGanLoss} adds the rest of the critic loss.
 */
final class GradientPenalty {
    /**
     * Finite-difference step for float32, chosen against a double-precision reference: a smaller
     * step loses wide critics' gradients to rounding (larger in Winograd's algorithm), a larger one
     * narrow critics' to the difference's O(h) error. GradientPenaltyTest holds it to double
     * precision on both.
     */
    static final double SINGLE_PRECISION_STEP = 1e-3;

    private final double lambda;
    private final double stepPerElement;

    private final Buffer interpolated = new Buffer();
    private final Buffer shifted = new Buffer();
    private final Buffer ones = new Buffer();
    private final Buffer outputGradient = new Buffer();
    private final HostValues values = new HostValues();
    private double[] xHat = new double[0];
    /** The fake's values, then the shifted input. */
    private double[] scratch = new double[0];
    private double[] direction = new double[0];

    /**
     * @param lambda         the penalty weight (SinGAN: 0.1)
     * @param stepPerElement the finite-difference step as a root-mean-square change per input
     *                       element; the step along the unit direction is this times sqrt(size)
     */
    GradientPenalty(double lambda, double stepPerElement) {
        this.lambda = lambda;
        this.stepPerElement = stepPerElement;
    }

    /**
     * Computes the penalty at x^ = mix * real + (1 - mix) * fake and adds its gradient with respect
     * to the critic's parameters to the critic's gradients.
     *
     * @return the penalty value
     */
    double accumulate(Sequential critic, INDArray real, INDArray fake, double mix) {
        return accumulate(critic, real, fake, mix, null, null);
    }

    /**
     * As {@link #accumulate(Sequential, INDArray, INDArray, double)}, and runs other inputs through
     * the critic in the same pass as the shifted image, adding their parameter gradients too: one
     * critic pass of three images instead of two passes, for the WGAN loss on real and fake.
     *
     * @param others         images for the critic, [n, h, w, c]
     * @param othersGradient dLoss/dOutput for the critic's outputs of {@code others}
     */
    double accumulate(Sequential critic, INDArray real, INDArray fake, double mix, INDArray others,
                      UnaryOperator<INDArray> othersGradient) {
        INDArray xHatArray = interpolate(real, fake, mix);
        int length = xHat.length;
        double penalty = penaltyAndDirection(critic, xHatArray);
        double vNorm = 0;
        for (int i = 0; i < length; i++) {
            vNorm += direction[i] * direction[i];
        }
        vNorm = Math.sqrt(vNorm);
        double h = stepPerElement * Math.sqrt(length);
        int otherImages = others == null ? 0 : (int) others.size(0);
        int shiftedImages = vNorm == 0 ? 0 : 1;
        if (shiftedImages > 0) {
            critic.addHeldParameterGradients(-vNorm / h);
        }
        if (otherImages + shiftedImages == 0) {
            return penalty;
        }
        // [others..., x^ + h v^] (the critic normalises each image on its own).
        long[] shape = xHatArray.shape().clone();
        shape[0] = otherImages + shiftedImages;
        INDArray batch = shifted.get(xHatArray.dataType(), shape);
        int otherLength = otherImages * length;
        if (otherImages > 0) {
            batch.get(NDArrayIndex.interval(0, otherImages)).assign(others);
        }
        if (shiftedImages > 0) {
            writeShifted(batch, otherLength, h / vNorm);
        }
        critic.freezeActivationPatterns(otherImages);
        try {
            INDArray out = critic.forward(batch);
            INDArray gradient = outputGradient.like(out);
            if (otherImages > 0) {
                INDArray forOthers = othersGradient.apply(out.get(NDArrayIndex.interval(0, otherImages)));
                gradient.get(NDArrayIndex.interval(0, otherImages)).assign(forOthers);
            }
            if (shiftedImages > 0) {
                gradient.get(NDArrayIndex.point(otherImages)).assign(vNorm / h);
            }
            critic.backwardParameters(gradient);
        } finally {
            critic.releaseActivationPatterns();
        }
        return penalty;
    }

    /** The penalty alone, without gradients (for checks and logging). */
    double value(Sequential critic, INDArray real, INDArray fake, double mix) {
        return penaltyAndDirection(critic, interpolate(real, fake, mix));
    }

    /**
     * x^ = mix * real + (1 - mix) * fake, kept in {@link #xHat} and returned as an array for the
     * critic: one Java loop in place of four libnd4j ops (two scalings, an add, a copy).
     */
    private INDArray interpolate(INDArray real, INDArray fake, double mix) {
        int length = (int) real.length();
        if (xHat.length != length) {
            xHat = new double[length];
            scratch = new double[length];
            direction = new double[length];
        }
        values.read(real, 0, length, xHat);
        values.read(fake, 0, length, scratch);
        for (int i = 0; i < length; i++) {
            xHat[i] = mix * xHat[i] + (1 - mix) * scratch[i];
        }
        INDArray out = interpolated.like(real);
        values.write(xHat, out, 0, length);
        return out;
    }

    /**
     * With g = d(sum D(x))/dx at x = x^ and n = |g_pixel| (the norm over channels) per pixel:
     * returns the penalty lambda * mean((n - 1)^2) and leaves v = dP/dg = 2 lambda / N (n - 1) / n g
     * in {@link #direction}, with d(sum D(x))/dtheta held in the critic. One Java loop over g in
     * place of about fifteen libnd4j ops (square,
     * channel sum, sqrt, subtract, divide, scalings, reductions) and a copy of g.
     */
    private double penaltyAndDirection(Sequential critic, INDArray x) {
        INDArray out = critic.forward(x);
        INDArray g = critic.backwardHoldingParameterGradients(ones.like(out).assign(1.0));
        int length = direction.length;
        values.read(g, 0, length, direction);
        int channels = (int) g.size(3);
        int pixels = length / channels;
        double sumSquaredExcess = 0;
        double coefficientScale = 2.0 * lambda / pixels;
        for (int at = 0; at < length; at += channels) {
            double squaredNorm = 0;
            for (int c = 0; c < channels; c++) {
                squaredNorm += direction[at + c] * direction[at + c];
            }
            double norm = Math.sqrt(squaredNorm);
            double excess = norm - 1;
            sumSquaredExcess += excess * excess;
            double coefficient = excess / Math.max(norm, 1e-12) * coefficientScale;
            for (int c = 0; c < channels; c++) {
                direction[at + c] *= coefficient;
            }
        }
        return lambda * sumSquaredExcess / pixels;
    }

    /** Writes x^ + step * v into the batch's elements from {@code offset} on. */
    private void writeShifted(INDArray batch, int offset, double step) {
        for (int i = 0; i < xHat.length; i++) {
            scratch[i] = xHat[i] + step * direction[i];
        }
        values.write(scratch, batch, offset, xHat.length);
    }
}
