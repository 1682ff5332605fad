package org.singanseg.studio.core.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.MseLoss;

/**
 * One layer's style loss: weight * mean((G - A)^2) over the c x c entries, where G = F^T F / (n c h w)
 * is the Gram matrix of the activations F (n = 1 image, as [h w, c]) and A the style image's.
 * The normalisation by n c h w (SinGAN-Seg's, after the PyTorch tutorial) makes G independent of
 * the image size, so the style image need not match the content's size.
 */
final class GramLoss {
    private final INDArray target;
    private final MseLoss mse;
    private INDArray gram;

    /** @param styleActivations the style image's activations [1, h, w, c] at this layer */
    GramLoss(INDArray styleActivations, double weight) {
        this.target = gram(styleActivations, null).dup();
        this.mse = new MseLoss(weight);
    }

    /** The loss for these activations [1, h, w, c]; keeps what {@link #addGradient} needs. */
    double forward(INDArray activations) {
        gram = gram(activations, gram);
        return mse.forward(gram, target);
    }

    /**
     * Adds scale * dLoss/dF to {@code into} ([1, h, w, c], like the activations of the last
     * {@link #forward}): dL/dF = F (dL/dG + dL/dG^T) / N = 2 F dL/dG / N, as both G and dL/dG are
     * symmetric.
     */
    void addGradient(INDArray activations, INDArray into, double scale) {
        INDArray f = features(activations);
        Nd4j.gemm(f, mse.gradient(), features(into), false, false, 2.0 * scale / f.length(), 1.0);
    }

    private static INDArray gram(INDArray activations, INDArray reuse) {
        INDArray f = features(activations);
        long c = f.size(1);
        INDArray g = reuse != null ? reuse : Nd4j.create(activations.dataType(), c, c);
        return Nd4j.gemm(f, f, g, true, false, 1.0 / f.length(), 0.0);
    }

    /** Activations [1, h, w, c] as F [h w, c] (a view). */
    private static INDArray features(INDArray activations) {
        return activations.reshape('c', activations.size(1) * activations.size(2), activations.size(3));
    }
}
