package org.singanseg.studio.core.nn.compute;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies runs of elements between a contiguous float or double ND4J array and a Java double
 * array, through the array's NIO view: the fused Java loops ({@link ChannelPasses}, the optimiser,
 * the gradient penalty) compute in double on such copies, so one loop serves both data types and
 * sums are accumulated in double. Offsets count from the array's first element. Not thread-safe,
 * like all engine objects (it reuses one float staging array).
 */
public final class HostValues {
    private float[] floats = new float[0];

    /** Reads {@code length} elements starting at {@code offset} into {@code into[0 .. length)}. */
    public void read(INDArray array, long offset, int length, double[] into) {
        int start = (int) (array.offset() + offset);
        if (array.dataType() == DataType.DOUBLE) {
            array.data().asNioDouble().get(start, into, 0, length);
            return;
        }
        float[] staged = staging(length);
        array.data().asNioFloat().get(start, staged, 0, length);
        for (int i = 0; i < length; i++) {
            into[i] = staged[i];
        }
    }

    /** Writes {@code from[0 .. length)} to the elements starting at {@code offset}. */
    public void write(double[] from, INDArray array, long offset, int length) {
        int start = (int) (array.offset() + offset);
        if (array.dataType() == DataType.DOUBLE) {
            array.data().asNioDouble().put(start, from, 0, length);
            return;
        }
        float[] staged = staging(length);
        for (int i = 0; i < length; i++) {
            staged[i] = (float) from[i];
        }
        array.data().asNioFloat().put(start, staged, 0, length);
    }

    private float[] staging(int length) {
        if (floats.length < length) {
            floats = new float[length];
        }
        return floats;
    }
}
