package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * sign * mean(output): the Wasserstein terms. The critic minimises -mean(D(real)) + mean(D(fake));
 * the generator minimises -mean(D(fake)).
 */
public final class MeanLoss {
    private final double sign;
    private final Buffer gradientBuffer = new Buffer();
    private INDArray gradient;

    private MeanLoss(double sign) {
        this.sign = sign;
    }

    /** -mean(output): the critic on real images, and the generator's adversarial loss. */
    public static MeanLoss negative() {
        return new MeanLoss(-1);
    }

    /** +mean(output): the critic on generated images. */
    public static MeanLoss positive() {
        return new MeanLoss(1);
    }

    /** Returns the loss and keeps dLoss/dOutput for {@link #gradient}. */
    public double forward(INDArray output) {
        gradient = gradientBuffer.like(output).assign(sign / output.length());
        return sign * output.meanNumber().doubleValue();
    }

    /** dLoss/dOutput of the last {@link #forward}. */
    public INDArray gradient() {
        return gradient;
    }
}
