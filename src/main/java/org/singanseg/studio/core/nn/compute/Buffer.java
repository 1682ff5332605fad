package org.singanseg.studio.core.nn.compute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reusable array per shape: training repeats the same few shapes thousands of times (a layer
 * sees batches of one and of two images in turn), and reusing arrays keeps native memory flat.
 * Allocating anew at every change of shape made gigabytes of garbage per minute at the finer
 * scales, faster than the garbage collector released it.
 */
public final class Buffer {
    /** More shapes than one layer meets in a training iteration. */
    private static final int SHAPES = 4;

    private final List<INDArray> arrays = new ArrayList<>(SHAPES);

    public INDArray get(DataType type, long... shape) {
        for (int i = 0; i < arrays.size(); i++) {
            INDArray array = arrays.get(i);
            if (array.dataType() == type && Arrays.equals(array.shape(), shape)) {
                return array;
            }
        }
        if (arrays.size() == SHAPES) {
            arrays.remove(0);
        }
        INDArray array = Nd4j.createUninitialized(type, shape);
        arrays.add(array);
        return array;
    }

    public INDArray like(INDArray template) {
        return get(template.dataType(), template.shape());
    }
}
