package org.singanseg.studio.core.seg;

/**
 * Progress of a segmentation training, called on the engine thread after every epoch; it must
 * return quickly.
 */
@FunctionalInterface
public interface SegmentationListener {

    /**
     * @param epoch 1-based
     * @param loss  the epoch's mean training loss (BCE + Dice) per sample
     */
    void epochFinished(int epoch, int epochs, double loss);
}
