package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One finished scale: its size, network width, noise amplitude, the generator's parameters (flat)
 * and batch-norm running statistics (flat, see Sequential#runningStatistics), the critic's
 * parameters, the fixed reconstruction noise z_opt [1, h, w, 4] and the loss history.
 */
public record TrainedScale(int height, int width, int networkWidth, double noiseAmp, INDArray generator,
                           INDArray generatorStatistics, INDArray critic, INDArray reconstructionNoise, LossHistory losses) {

    /** Whether this scale's networks have batch norm: only those keep running statistics. */
    public boolean batchNorm() {
        return generatorStatistics.length() > 0;
    }
}
