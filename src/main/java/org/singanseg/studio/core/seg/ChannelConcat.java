package org.singanseg.studio.core.seg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * Stacks two [B, H, W, C] arrays of the same batch and size along the channels, a U-Net's skip
 * connection: the upsampled coarse features first, then the encoder's features. Not a layer, as it
 * has two inputs; its backward pass splits the gradient back into the two.
 */
final class ChannelConcat {
    private final Buffer output = new Buffer();
    private final Buffer gradFirst = new Buffer();
    private final Buffer gradSecond = new Buffer();
    private INDArray first;
    private INDArray second;

    /** dLoss/dFirst and dLoss/dSecond; buffers owned by the concatenation, as with layers. */
    record Gradients(INDArray first, INDArray second) {
    }

    /** [B, H, W, C1] and [B, H, W, C2] to [B, H, W, C1 + C2]. */
    INDArray forward(INDArray first, INDArray second) {
        if (first.size(0) != second.size(0) || first.size(1) != second.size(1) || first.size(2) != second.size(2)) {
            throw new IllegalArgumentException("Cannot stack " + java.util.Arrays.toString(first.shape()) + " and "
                    + java.util.Arrays.toString(second.shape()) + ": batch and size differ");
        }
        this.first = first;
        this.second = second;
        long c1 = first.size(3);
        INDArray out = output.get(first.dataType(), first.size(0), first.size(1), first.size(2), c1 + second.size(3));
        out.get(channels(0, c1)).assign(first);
        out.get(channels(c1, out.size(3))).assign(second);
        return out;
    }

    /** Splits dLoss/dOutput of the last {@link #forward} into the parts for its two inputs. */
    Gradients backward(INDArray gradOutput) {
        long c1 = first.size(3);
        INDArray g1 = gradFirst.like(first).assign(gradOutput.get(channels(0, c1)));
        INDArray g2 = gradSecond.like(second).assign(gradOutput.get(channels(c1, gradOutput.size(3))));
        return new Gradients(g1, g2);
    }

    private static INDArrayIndex[] channels(long from, long to) {
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(from, to)};
    }
}
