package org.singanseg.studio.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Layers applied in order. All parameters live in one flat array and all gradients in another
 * (each layer sees views into them), so the optimiser, zeroing and saving are single operations.
 * Layers write each backward pass's parameter gradients into a third flat array, which is added
 * to the accumulated gradients in one operation (adding into many small views was slow).
 */
public final class Sequential {
    private final List<Layer> layers;
    private final Chain body;
    private final List<BatchNorm> batchNorms;
    private final INDArray parameters;
    private final INDArray gradients;
    private final INDArray passGradients;

    public Sequential(DataType type, List<Layer> layers) {
        this.layers = List.copyOf(layers);
        this.body = new Chain(layers);
        this.batchNorms = layers.stream().filter(BatchNorm.class::isInstance).map(BatchNorm.class::cast).toList();
        List<long[]> shapes = body.parameterShapes();
        long total = shapes.stream().mapToLong(Sequential::length).sum();
        parameters = Nd4j.create(type, total);
        gradients = Nd4j.create(type, total);
        passGradients = Nd4j.create(type, total);
        List<INDArray> p = new ArrayList<>();
        List<INDArray> g = new ArrayList<>();
        long offset = 0;
        for (long[] shape : shapes) {
            long n = length(shape);
            p.add(view(parameters, offset, n, shape));
            g.add(view(passGradients, offset, n, shape));
            offset += n;
        }
        body.bind(p, g);
    }

    private static INDArray view(INDArray flat, long offset, long n, long[] shape) {
        return flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    public void initialise(Random random) {
        body.initialise(random);
    }

    public List<Layer> layers() {
        return layers;
    }

    /** All parameters as one flat array (a live view: writing to it changes the net). */
    public INDArray parameters() {
        return parameters;
    }

    /** All accumulated parameter gradients as one flat array, in the order of {@link #parameters}. */
    public INDArray gradients() {
        return gradients;
    }

    public DataType dataType() {
        return parameters.dataType();
    }

    public void zeroGradients() {
        gradients.assign(0);
    }

    public INDArray forward(INDArray input) {
        return body.forward(input);
    }

    /**
     * Backward through all layers for the last forward.
     *
     * @param accumulateParamGrads whether to add this pass's parameter gradients to {@link #gradients}
     * @return dLoss/dInput
     */
    public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
        if (!accumulateParamGrads) {
            return body.inputGradient(gradOutput);
        }
        INDArray g = body.backward(gradOutput);
        addPassGradients();
        return g;
    }

    /**
     * Backward through all layers for the last forward, adding its parameter gradients to
     * {@link #gradients}, without the input gradient: the first convolution's input gradient is
     * skipped (for 4 input channels oneDNN spends as long on it as on a 32-channel one).
     */
    public void backwardParameters(INDArray gradOutput) {
        body.parameterGradients(gradOutput);
        addPassGradients();
    }

    private void addPassGradients() {
        if (passGradients.length() > 0) {
            // A libnd4j pairwise add: OpenBLAS's saxpy was far slower on these small arrays.
            gradients.addi(passGradients);
        }
    }

    /**
     * Backward through all layers for the last forward, holding its parameter gradients back until
     * {@link #addHeldParameterGradients} (the next backward replaces them).
     *
     * @return dLoss/dInput
     */
    public INDArray backwardHoldingParameterGradients(INDArray gradOutput) {
        return body.backward(gradOutput);
    }

    /** Adds weight times the parameter gradients held by {@link #backwardHoldingParameterGradients}. */
    public void addHeldParameterGradients(double weight) {
        if (passGradients.length() > 0) {
            gradients.addi(passGradients.muli(weight));
        }
    }

    /**
     * Batch norm layers normalise with their running statistics (true: SinGAN's eval mode, for
     * finished scales) or with each image's own (false: training mode, the default).
     */
    public void useRunningStatistics(boolean use) {
        batchNorms.forEach(norm -> norm.useRunningStatistics(use));
    }

    /**
     * Folds the last forward's statistics of images first .. first + count - 1, in that order, into
     * every batch norm's running statistics: what PyTorch does on a training-mode forward of each
     * of those images alone.
     */
    public void trackRunningStatistics(int first, int count) {
        for (BatchNorm norm : batchNorms) {
            for (int image = first; image < first + count; image++) {
                norm.trackImage(image);
            }
        }
    }

    /** Every batch norm's running means then variances, layer by layer, as one flat array (a copy). */
    public INDArray runningStatistics() {
        if (batchNorms.isEmpty()) {
            return Nd4j.empty(dataType());
        }
        double[] flat = new double[runningStatisticsLength()];
        int offset = 0;
        for (BatchNorm norm : batchNorms) {
            offset = norm.runningStatistics().copyTo(flat, offset);
        }
        return Nd4j.createFromArray(flat).castTo(dataType());
    }

    /** Sets what {@link #runningStatistics} returns. */
    public void loadRunningStatistics(INDArray flat) {
        if (flat.length() != runningStatisticsLength()) {
            throw new IllegalArgumentException("Expected " + runningStatisticsLength() + " running statistics, got "
                    + flat.length());
        }
        if (batchNorms.isEmpty()) {
            return;
        }
        double[] values = flat.toDoubleVector();
        int offset = 0;
        for (BatchNorm norm : batchNorms) {
            offset = norm.runningStatistics().copyFrom(values, offset);
        }
    }

    private int runningStatisticsLength() {
        return batchNorms.stream().mapToInt(norm -> 2 * norm.runningStatistics().channels()).sum();
    }

    /**
     * Freezes every activation's slope pattern at the first image of the last forward's input, for
     * the images from {@code fromImage} on of later inputs, making the net smooth in those inputs
     * around that point (see {@link PiecewiseLinear}); for the WGAN gradient penalty.
     */
    public void freezeActivationPatterns(int fromImage) {
        for (Layer layer : layers) {
            if (layer instanceof PiecewiseLinear activation) {
                activation.freeze(fromImage);
            }
        }
    }

    public void releaseActivationPatterns() {
        for (Layer layer : layers) {
            if (layer instanceof PiecewiseLinear activation) {
                activation.unfreeze();
            }
        }
    }

    /** FLOPs of one forward pass for an input of the given spatial size. */
    public double forwardFlops(long batch, long height, long width) {
        double flops = 0;
        long h = height;
        long w = width;
        for (Layer layer : layers) {
            if (layer instanceof Conv2d conv) {
                h -= conv.shrink();
                w -= conv.shrink();
                flops += conv.forwardFlops(batch, h, w);
            }
        }
        return flops;
    }
}
