package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A small reusable per-channel vector moved between ND4J and Java arrays. */
final class ChannelVector {
    private final Buffer buffer = new Buffer();

    /** Per-channel sums over batch and space of an NCHW array. */
    double[] sum(INDArray x) {
        INDArray result = buffer.get(x.dataType(), x.size(1));
        x.sum(result, 0, 2, 3);
        return result.toDoubleVector();
    }

    INDArray set(DataType type, double[] values) {
        INDArray result = buffer.get(type, values.length);
        write(result, values);
        return result;
    }

    /** The same value everywhere; written only when the buffer is new. */
    INDArray constant(DataType type, int length, double value) {
        if (!buffer.matches(type, length)) {
            buffer.get(type, length).assign(value);
        }
        return buffer.get(type, length);
    }

    static void write(INDArray target, double[] values) {
        for (int i = 0; i < values.length; i++) {
            target.putScalar(i, values[i]);
        }
    }
}
