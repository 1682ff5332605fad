package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.core.seg.SegmentationStep;

/**
 * Speed of the segmentation network with the default settings (a U-Net): one training step
 * (forward, loss, backward, Adam) on a full mini-batch, and one forward pass of a single image as
 * in prediction.
 */
final class SegmentationBenchmark {
    private final PrintStream out;

    SegmentationBenchmark(PrintStream out) {
        this.out = out;
    }

    void run(double seconds) {
        SegmentationSettings settings = SegmentationSettings.defaults();
        int size = settings.size();
        int batch = settings.batchSize();
        Sequential network = settings.network();
        network.initialise(new Random(1));
        SegmentationStep step = new SegmentationStep(network);
        INDArray images = Nd4j.rand(DataType.FLOAT, batch, size, size, 3);
        INDArray masks = Nd4j.rand(DataType.FLOAT, batch, size, size, 1).gt(0.7).castTo(DataType.FLOAT);
        double stepMs = Stopwatch.medianMillis(() -> step.run(images, masks, 1e-3), 2, 3, seconds);
        INDArray one = images.get(NDArrayIndex.interval(0, 1)).dup();
        double forwardMs = Stopwatch.medianMillis(() -> network.forward(one), 2, 3, seconds);
        out.printf(Locale.ROOT, "Segmentation %s depth %d, width %d, %dx%d px, float32, %d threads, %d parameters%n",
                settings.model().displayName(), settings.depth(), settings.width(), size, size, Backend.threads(),
                network.parameters().length());
        out.printf(Locale.ROOT, "  training step, batch %d (forward, BCE + Dice, backward, Adam): %8.1f ms (%.1f ms per image)%n",
                batch, stepMs, stepMs / batch);
        out.printf(Locale.ROOT, "  forward pass, one image (prediction):                      %8.1f ms%n", forwardMs);
    }
}
