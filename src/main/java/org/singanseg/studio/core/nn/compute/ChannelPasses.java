package org.singanseg.studio.core.nn.compute;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The full-size passes of a batch norm over channels-last [B, H, W, C] arrays: per-(image,
 * channel) sums, and affine maps y = s x + t followed by an optional leaky ReLU f(y) = y where y
 * is positive, slope * y elsewhere (slope 1: no activation). The small coefficient algebra stays in
 * the layer; libnd4j's reductions and broadcasts over the pixel axes of such arrays cost several
 * plain passes each, and one pass here does the work of several ops.
 *
 * <p>The activation's slope pattern is the one of the last {@link #affine} input, or, while
 * frozen, the one of the first image of the input that {@link #freeze} saw, repeated for every
 * image from a given one on. Not thread-safe, like all engine objects.
 */
public abstract class ChannelPasses {

    ChannelPasses() {
    }

    /** The passes for arrays of this type: vectorised float32, or double for precision checks. */
    public static ChannelPasses forType(DataType type, double slope) {
        return type == DataType.FLOAT ? new FloatChannelPasses(slope) : new DoubleChannelPasses(slope);
    }

    /** Per image and channel (image-major): mean and biased variance over the pixels. */
    public abstract void moments(INDArray x, double[] means, double[] variances);

    /**
     * out = f(scale * x + shift), with coefficients per image and channel (image-major). Remembers
     * x and the coefficients for the backward passes, which must follow before the next call.
     */
    public abstract void affine(INDArray x, double[] scale, double[] shift, INDArray out);

    /**
     * Per image and channel: the sums over the pixels of e and of e * x, where x is the last
     * affine's input and e is g taken back through its activation (g times the slope).
     */
    public abstract void gradientSums(INDArray g, double[] sumG, double[] sumGX);

    /** out = a * e + b * x + c, with e and x as in {@link #gradientSums} and coefficients per image and channel. */
    public abstract void combine(INDArray g, double[] a, double[] b, double[] c, INDArray out);

    /**
     * Keeps the slope pattern of the first image of the last affine's input until {@link #unfreeze},
     * for the images from {@code fromImage} on of later inputs.
     */
    public abstract void freeze(int fromImage);

    public abstract void unfreeze();

    /**
     * Checks for row-major strides from the buffer's start, as the passes assume. Axes of size 1
     * may have any stride: ND4J's own Shape.hasDefaultStridesForShape rejected a plain new
     * [1, 8, 8, 1] array.
     */
    static void requireWholeContiguous(INDArray x) {
        long expected = 1;
        boolean contiguous = x.rank() == 4 && x.offset() == 0;
        for (int axis = x.rank() - 1; axis >= 0 && contiguous; axis--) {
            contiguous = x.size(axis) == 1 || x.stride(axis) == expected;
            expected *= x.size(axis);
        }
        if (!contiguous) {
            throw new IllegalArgumentException("Expected a whole contiguous [B, H, W, C] array");
        }
    }
}
