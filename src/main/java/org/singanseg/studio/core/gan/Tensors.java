package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;

/** Conversions between plain planes and [1, C, H, W] float arrays, padding and resizing. */
final class Tensors {
    private Tensors() {
    }

    static INDArray fromPlanes(Planes planes) {
        float[] flat = new float[planes.channels() * planes.height() * planes.width()];
        int n = planes.height() * planes.width();
        for (int c = 0; c < planes.channels(); c++) {
            System.arraycopy(planes.plane(c), 0, flat, c * n, n);
        }
        return Nd4j.create(flat, new long[]{1, planes.channels(), planes.height(), planes.width()}, 'c');
    }

    static Planes toPlanes(INDArray x) {
        int channels = (int) x.size(1);
        int height = (int) x.size(2);
        int width = (int) x.size(3);
        float[] flat = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[][] data = new float[channels][];
        int n = height * width;
        for (int c = 0; c < channels; c++) {
            data[c] = java.util.Arrays.copyOfRange(flat, c * n, (c + 1) * n);
        }
        return new Planes(channels, height, width, data);
    }

    /** Zero padding of the same width on all four sides. */
    static INDArray pad(INDArray x, int padding) {
        INDArray padded = Nd4j.zeros(x.dataType(), x.size(0), x.size(1), x.size(2) + 2L * padding, x.size(3) + 2L * padding);
        interior(padded, padding).assign(x);
        return padded;
    }

    /** A view of the unpadded part. */
    static INDArray interior(INDArray padded, int padding) {
        return padded.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(padding, padded.size(2) - padding),
                NDArrayIndex.interval(padding, padded.size(3) - padding));
    }

    /** Bicubic resize of every image and channel of a [B, C, H, W] array. */
    static INDArray resize(INDArray x, int height, int width) {
        if (x.size(2) == height && x.size(3) == width) {
            return x.dup();
        }
        long batch = x.size(0);
        long channels = x.size(1);
        INDArray planes = x.dup('c').reshape('c', new long[]{1, batch * channels, x.size(2), x.size(3)});
        return fromPlanes(Resize.bicubic(toPlanes(planes), height, width))
                .reshape('c', new long[]{batch, channels, height, width});
    }

    /** Root mean square of the difference. */
    static double rmse(INDArray a, INDArray b) {
        double norm = a.sub(b).norm2Number().doubleValue();
        return norm / Math.sqrt(a.length());
    }
}
