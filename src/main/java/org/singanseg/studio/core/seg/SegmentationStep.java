package org.singanseg.studio.core.seg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.Adam;
import org.singanseg.studio.core.nn.Sequential;

/**
 * One optimisation step of a segmentation network on one mini-batch: forward, BCE + Dice loss,
 * backward, Adam (betas 0.9, 0.999). What {@link SegmentationTrainer} repeats and what
 * {@code bench --segmentation} times.
 */
public final class SegmentationStep {
    private static final double BETA1 = 0.9;

    private final Sequential network;
    private final Adam adam;
    private final BceDiceLoss loss = new BceDiceLoss();

    public SegmentationStep(Sequential network) {
        this.network = network;
        this.adam = Adam.withBeta1(network, BETA1);
    }

    /**
     * @param images [B, H, W, 3]
     * @param masks  [B, H, W, 1], 0 or 1
     * @return the batch's loss before the update
     */
    public double run(INDArray images, INDArray masks, double learningRate) {
        network.zeroGradients();
        double value = loss.forward(network.forward(images), masks);
        network.backwardParameters(loss.gradient());
        adam.step(learningRate);
        return value;
    }
}
