package org.singanseg.studio.core.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reusable array that is reallocated only when the requested shape or type changes: training
 * repeats the same shapes thousands of times, and reusing buffers keeps native memory flat.
 */
final class Buffer {
    private INDArray array;

    boolean matches(DataType type, long... shape) {
        return array != null && array.dataType() == type && Arrays.equals(array.shape(), shape);
    }

    INDArray get(DataType type, long... shape) {
        if (!matches(type, shape)) {
            array = Nd4j.createUninitialized(type, shape);
        }
        return array;
    }

    INDArray like(INDArray template) {
        return get(template.dataType(), template.shape());
    }
}
