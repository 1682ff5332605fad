package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The critic's Wasserstein loss on a batch of [real, fake]: -mean(D(real)) + mean(D(fake)), and
 * its gradient with respect to the critic's two output maps.
 */
final class WassersteinPair {
    private INDArray gradient;
    private double lastReal;
    private double lastFake;

    /** Takes the critic's output for [real, fake] and returns dLoss/dOutput. */
    INDArray forward(INDArray output) {
        if (gradient == null || !java.util.Arrays.equals(gradient.shape(), output.shape())) {
            gradient = Nd4j.create(DataType.FLOAT, output.shape());
            double perPixel = 1.0 / (output.size(1) * (double) output.size(2));
            gradient.get(NDArrayIndex.point(0)).assign(-perPixel);
            gradient.get(NDArrayIndex.point(1)).assign(perPixel);
        }
        lastReal = -output.get(NDArrayIndex.point(0)).meanNumber().doubleValue();
        lastFake = output.get(NDArrayIndex.point(1)).meanNumber().doubleValue();
        return gradient;
    }

    /** -mean(D(real)) of the last call. */
    double lastReal() {
        return lastReal;
    }

    /** mean(D(fake)) of the last call. */
    double lastFake() {
        return lastFake;
    }
}
