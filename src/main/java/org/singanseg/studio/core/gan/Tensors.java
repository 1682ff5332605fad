package org.singanseg.studio.core.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;

/**
 * Conversions between plain planes and the engine's channels-last [B, H, W, C] float arrays,
 * zero padding and resizing.
 */
public final class Tensors {
    private Tensors() {
    }

    /** One image: planes to [1, H, W, C]. */
    public static INDArray fromPlanes(Planes planes) {
        return fromPlanes(planes, 1);
    }

    /** {@code images} images whose channels are stacked image-major in the planes. */
    private static INDArray fromPlanes(Planes planes, long images) {
        int n = planes.height() * planes.width();
        float[] flat = new float[planes.channels() * n];
        for (int c = 0; c < planes.channels(); c++) {
            System.arraycopy(planes.plane(c), 0, flat, c * n, n);
        }
        long channels = planes.channels() / images;
        return Nd4j.create(flat, new long[]{images, channels, planes.height(), planes.width()}, 'c')
                .permute(0, 2, 3, 1).dup('c');
    }

    /** One image [1, H, W, C] (or the first of a batch) to planes. */
    public static Planes toPlanes(INDArray x) {
        return planesOf(x.get(NDArrayIndex.interval(0, 1)));
    }

    /** All images' channels as planes, image-major. */
    private static Planes planesOf(INDArray x) {
        int images = (int) x.size(0);
        int height = (int) x.size(1);
        int width = (int) x.size(2);
        int channels = (int) x.size(3);
        float[] flat = x.castTo(DataType.FLOAT).permute(0, 3, 1, 2).dup('c').data().asFloat();
        float[][] data = new float[images * channels][];
        int n = height * width;
        for (int c = 0; c < data.length; c++) {
            data[c] = java.util.Arrays.copyOfRange(flat, c * n, (c + 1) * n);
        }
        return new Planes(images * channels, height, width, data);
    }

    /** Zero padding of the same width on all four sides. */
    static INDArray pad(INDArray x, int padding) {
        INDArray padded = Nd4j.zeros(x.dataType(), x.size(0), x.size(1) + 2L * padding, x.size(2) + 2L * padding,
                x.size(3));
        padded.get(NDArrayIndex.all(), NDArrayIndex.interval(padding, padding + x.size(1)),
                NDArrayIndex.interval(padding, padding + x.size(2)), NDArrayIndex.all()).assign(x);
        return padded;
    }

    /** Bicubic resize of every image and channel of a [B, H, W, C] array. */
    static INDArray resize(INDArray x, int height, int width) {
        if (x.size(1) == height && x.size(2) == width) {
            return x.dup();
        }
        return fromPlanes(Resize.bicubic(planesOf(x), height, width), x.size(0));
    }

    /**
     * Bicubic resize of every image and channel by a factor, keeping the top-left height x width of
     * the result (see {@link Resize#byFactor}).
     */
    static INDArray resizeByFactor(INDArray x, double factor, int height, int width) {
        return fromPlanes(Resize.byFactor(planesOf(x), factor, height, width), x.size(0));
    }

    /** Root mean square of the difference. */
    static double rmse(INDArray a, INDArray b) {
        double norm = a.sub(b).norm2Number().doubleValue();
        return norm / Math.sqrt(a.length());
    }
}
