package org.singanseg.studio.core.seg;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * Stacks a fixed number of [B, H, W, C_k] arrays of the same batch and size along the channels, in
 * the order given: the skip connections of a {@link UNet} (the upsampled level below, then the
 * encoder's output) and the dense ones of a {@link UNetPlusPlus} node (all the earlier nodes of its
 * level, then the upsampled node below). Not a layer, as it has several inputs; its backward pass
 * splits the gradient back into one part per input.
 */
final class ChannelStack {
    private final Buffer output = new Buffer();
    private final List<Buffer> gradInputs = new ArrayList<>();
    private final INDArray[] inputs;
    private final INDArray[] gradients;

    /** @param count the number of arrays every {@link #forward} stacks, at least 1 */
    ChannelStack(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A stack needs at least one input, got " + count);
        }
        for (int k = 0; k < count; k++) {
            gradInputs.add(new Buffer());
        }
        inputs = new INDArray[count];
        gradients = new INDArray[count];
    }

    /** [B, H, W, C_1], ..., [B, H, W, C_n] to [B, H, W, C_1 + ... + C_n]. */
    INDArray forward(INDArray... arrays) {
        if (arrays.length != inputs.length) {
            throw new IllegalArgumentException("Expected " + inputs.length + " arrays to stack, got " + arrays.length);
        }
        INDArray first = arrays[0];
        long channels = 0;
        for (INDArray array : arrays) {
            if (array.size(0) != first.size(0) || array.size(1) != first.size(1) || array.size(2) != first.size(2)) {
                throw new IllegalArgumentException("Cannot stack " + java.util.Arrays.toString(first.shape()) + " and "
                        + java.util.Arrays.toString(array.shape()) + ": batch and size differ");
            }
            channels += array.size(3);
        }
        INDArray out = output.get(first.dataType(), first.size(0), first.size(1), first.size(2), channels);
        long from = 0;
        for (int k = 0; k < arrays.length; k++) {
            inputs[k] = arrays[k];
            long to = from + arrays[k].size(3);
            out.get(channels(from, to)).assign(arrays[k]);
            from = to;
        }
        return out;
    }

    /**
     * Splits dLoss/dOutput of the last {@link #forward} into the parts for its inputs, in their
     * order; buffers owned by the stack, as with layers (the returned array too).
     */
    INDArray[] backward(INDArray gradOutput) {
        long from = 0;
        for (int k = 0; k < inputs.length; k++) {
            long to = from + inputs[k].size(3);
            gradients[k] = gradInputs.get(k).like(inputs[k]).assign(gradOutput.get(channels(from, to)));
            from = to;
        }
        return gradients;
    }

    private static INDArrayIndex[] channels(long from, long to) {
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(from, to)};
    }
}
