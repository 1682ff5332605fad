package org.singanseg.studio.core.seg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.nn.Sequential;

/**
 * A trained segmentation network: predicts a polyp mask for any RGB image. The image is resized
 * to the network's size, the logits are resized back to the image's size (bicubic) and a pixel is
 * polyp where sigmoid(logit) > 0.5, that is where logit > 0. The network's normalisation uses each
 * image's own statistics (see {@link UNet}), so a prediction depends on its image alone.
 * Use on the engine thread.
 */
public final class Segmenter {
    private final Sequential network;
    private final SegmentationSettings settings;

    Segmenter(Sequential network, SegmentationSettings settings) {
        this.network = network;
        this.settings = settings;
    }

    public SegmentationSettings settings() {
        return settings;
    }

    /**
     * @param rgb an RGB image, values in [0, 1], any size
     * @return its predicted mask, height x width, row-major (true = polyp)
     */
    public boolean[] predict(Planes rgb) {
        int size = settings.size();
        INDArray input = Nd4j.create(SegmentationSamples.channelsLast(rgb, size), new long[]{1, size, size, 3}, 'c')
                .castTo(network.dataType());
        float[] logits = network.forward(input).castTo(DataType.FLOAT).data().asFloat();
        Planes resized = SegmentationSamples.resized(new Planes(1, size, size, new float[][]{logits}), rgb.height(),
                rgb.width());
        float[] plane = resized.plane(0);
        boolean[] mask = new boolean[plane.length];
        for (int i = 0; i < plane.length; i++) {
            mask[i] = plane[i] > 0;
        }
        return mask;
    }
}
