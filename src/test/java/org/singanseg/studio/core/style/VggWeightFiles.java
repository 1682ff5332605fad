package org.singanseg.studio.core.style;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Writes VGG-shaped weights as HDF5 in the layout of the Keras VGG19 weights file, so that tests
 * load them through the same reader as the real file (which cannot be downloaded in tests).
 */
public final class VggWeightFiles {
    /** A small VGG19-shaped stack: every layer, a few channels. */
    public static final VggShape SMALL = new VggShape(List.of(4, 5, 6, 6, 6));

    /** How a Keras version names the datasets of a layer group. */
    public enum Naming {
        /** {@code block1_conv1/block1_conv1_W_1:0}, as in the published no-top file. */
        KERAS1,
        /** {@code block1_conv1/block1_conv1/kernel:0}, as Keras 2's save_weights writes. */
        KERAS2
    }

    private VggWeightFiles() {
    }

    /** Random weights of the shape, written to the file; returns what was written. */
    public static VggWeights write(Path file, VggShape shape, Naming naming, long seed) {
        VggWeights weights = VggWeights.random(shape, new Random(seed));
        write(file, weights, naming, shape.convs().size());
        return weights;
    }

    /** Writes the first {@code layers} convolutions only (a file that lacks the others). */
    public static void write(Path file, VggWeights weights, Naming naming, int layers) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            List<VggShape.Conv> convs = weights.shape().convs();
            // Keras also stores groups of layers without weights.
            hdf.putGroup("input_1");
            for (int i = 0; i < layers; i++) {
                VggShape.Conv conv = convs.get(i);
                WritableGroup group = hdf.putGroup(conv.kerasName());
                float[][][][] kernel = hwio(weights.kernels().get(i), conv);
                float[] bias = weights.biases().get(i);
                if (naming == Naming.KERAS1) {
                    group.putDataset(conv.kerasName() + "_W_1:0", kernel);
                    group.putDataset(conv.kerasName() + "_b_1:0", bias);
                } else {
                    WritableGroup inner = group.putGroup(conv.kerasName());
                    inner.putDataset("kernel:0", kernel);
                    inner.putDataset("bias:0", bias);
                }
            }
        }
    }

    private static float[][][][] hwio(float[] flat, VggShape.Conv conv) {
        int k = VggShape.KERNEL;
        float[][][][] kernel = new float[k][k][conv.inChannels()][conv.outChannels()];
        int n = 0;
        for (float[][][] row : kernel) {
            for (float[][] column : row) {
                for (float[] in : column) {
                    for (int o = 0; o < in.length; o++) {
                        in[o] = flat[n++];
                    }
                }
            }
        }
        return kernel;
    }
}
