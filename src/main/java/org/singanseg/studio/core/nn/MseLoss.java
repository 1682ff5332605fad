package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.compute.Buffer;

/** weight * mean((prediction - target)^2): SinGAN's reconstruction loss (weight alpha = 10). */
public final class MseLoss {
    private final double weight;
    private final Buffer gradientBuffer = new Buffer();
    private INDArray gradient;

    public MseLoss(double weight) {
        this.weight = weight;
    }

    /** Returns the loss and keeps dLoss/dPrediction for {@link #gradient}. */
    public double forward(INDArray prediction, INDArray target) {
        gradient = gradientBuffer.like(prediction).assign(prediction).subi(target);
        double sumOfSquares = gradient.norm2Number().doubleValue();
        sumOfSquares *= sumOfSquares;
        long n = prediction.length();
        gradient.muli(2.0 * weight / n);
        return weight * sumOfSquares / n;
    }

    /** dLoss/dPrediction of the last {@link #forward}. */
    public INDArray gradient() {
        return gradient;
    }
}
