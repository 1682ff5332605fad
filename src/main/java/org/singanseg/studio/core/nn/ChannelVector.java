package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small reusable [images, channels] coefficients moved between ND4J and Java arrays. */
final class ChannelVector {
    private final Buffer buffer = new Buffer();

    /** Sums over height and width of a [B, H, W, C] array, image-major. */
    double[] sumOverSpace(INDArray x) {
        INDArray result = buffer.get(x.dataType(), x.size(0), x.size(3));
        x.sum(result, 1, 2);
        return result.data().asDouble();
    }

    /** The values (image-major) as a [images, channels] array. */
    INDArray set(DataType type, int images, int channels, double[] values) {
        INDArray result = buffer.get(type, images, channels);
        write(result, values);
        return result;
    }

    /** Writes values in order into a contiguous array (or view). */
    static void write(INDArray target, double[] values) {
        for (int i = 0; i < values.length; i++) {
            target.putScalar(i, values[i]);
        }
    }
}
