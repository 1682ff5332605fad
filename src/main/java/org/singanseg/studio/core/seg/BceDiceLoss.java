package org.singanseg.studio.core.seg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * Segmentation loss on mask logits z against targets t in {0, 1}: binary cross-entropy plus soft
 * Dice loss, the usual pair for small structures (cross-entropy gives every pixel a gradient, Dice
 * keeps a small polyp from being outweighed by the background). With p = sigmoid(z) and N elements:
 * <pre>
 *   bce  = mean(softplus(z) - t z)                          (= mean(-t log p - (1 - t) log(1 - p)))
 *   dice = 1 - (2 sum(p t) + eps) / (sum(p) + sum(t) + eps)  over the whole batch at once
 *   loss = bce + dice
 * </pre>
 * The sigmoid is fused into the loss: softplus(z) = max(z, 0) + log(1 + exp(-|z|)) stays finite
 * for any logit, where log(sigmoid(z)) of a large negative z does not. One Dice over the batch
 * (rather than a mean of per-image ones) keeps images with tiny or empty masks from dominating.
 * The arithmetic is a few Java passes in double precision.
 */
final class BceDiceLoss {
    /** Dice smoothing: keeps the ratio defined for empty masks and tiny predictions. */
    static final double EPSILON = 1.0;

    private final Buffer gradientBuffer = new Buffer();
    private INDArray gradient;

    /** Returns the loss and keeps dLoss/dLogits for {@link #gradient}. */
    double forward(INDArray logits, INDArray targets) {
        if (logits.length() != targets.length()) {
            throw new IllegalArgumentException("Logits and targets differ in size: " + logits.length() + " vs "
                    + targets.length());
        }
        double[] z = logits.ravel().toDoubleVector();
        double[] t = targets.ravel().toDoubleVector();
        int n = z.length;
        double[] p = new double[n];
        double crossEntropy = 0;
        double overlap = 0;
        double predicted = 0;
        double target = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(-Math.abs(z[i]));
            crossEntropy += Math.max(z[i], 0) + Math.log1p(e) - t[i] * z[i];
            p[i] = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
            overlap += p[i] * t[i];
            predicted += p[i];
            target += t[i];
        }
        double denominator = predicted + target + EPSILON;
        double numerator = 2 * overlap + EPSILON;

        // d bce / dz = (p - t) / N; d dice / dp = -(2 t denominator - numerator) / denominator^2,
        // and dp / dz = p (1 - p).
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double diceByP = -(2 * t[i] * denominator - numerator) / (denominator * denominator);
            g[i] = (p[i] - t[i]) / n + diceByP * p[i] * (1 - p[i]);
        }
        gradient = gradientBuffer.like(logits).assign(Nd4j.createFromArray(g).reshape(logits.shape()));
        return crossEntropy / n + 1 - numerator / denominator;
    }

    /** dLoss/dLogits of the last {@link #forward}. */
    INDArray gradient() {
        return gradient;
    }
}
