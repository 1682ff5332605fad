package org.singanseg.studio.core.style;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.singanseg.studio.core.engine.DataFolder;
import org.singanseg.studio.core.image.InvalidInputException;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

/**
 * Reads the standard Keras VGG19 ImageNet weights without the classifier
 * ({@value #FILE_NAME}, about 80 MB, HDF5) with jHDF, a pure-Java HDF5 reader.
 *
 * <p>Layout: one group per layer, {@code block1_conv1} ... {@code block5_conv4}, each holding a
 * kernel (rank 4, HWIO, TensorFlow order) and a bias (rank 1). Keras 1 files name them
 * {@code block1_conv1_W_1:0} and {@code block1_conv1_b_1:0} directly in the group; Keras 2 files
 * {@code kernel:0} and {@code bias:0} in a sub-group of the same name. Both are found by rank, so
 * neither naming matters. Other groups (input, pooling) have no weights and are ignored.
 */
public final class VggWeightsFile {
    public static final String FILE_NAME = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";
    /** What the file is, for messages that ask the user for it. */
    public static final String DESCRIPTION = "the Keras VGG19 ImageNet weights without the top layers (" + FILE_NAME
            + ", about 80 MB)";

    private VggWeightsFile() {
    }

    /** Where the app looks for the file: {@code models/} in its data folder. */
    public static Path defaultLocation() {
        return DataFolder.models().resolve(FILE_NAME);
    }

    /** Reads the full-size VGG19 weights. */
    public static VggWeights read(Path file) throws InvalidInputException {
        return read(file, VggShape.VGG19);
    }

    /**
     * Reads the weights of every convolution of the given shape and checks their shapes.
     *
     * @throws InvalidInputException when the file is missing, is not HDF5, or lacks a layer or has
     *                               one of another shape
     */
    public static VggWeights read(Path file, VggShape shape) throws InvalidInputException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("The VGG19 weights file " + file + " does not exist. Neural style transfer needs "
                    + DESCRIPTION + ".");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            List<float[]> kernels = new ArrayList<>();
            List<float[]> biases = new ArrayList<>();
            for (VggShape.Conv conv : shape.convs()) {
                Node node = hdf.getChildren().get(conv.kerasName());
                if (!(node instanceof Group group)) {
                    throw notVgg(file, "layer " + conv.kerasName() + " is missing");
                }
                List<Dataset> datasets = new ArrayList<>();
                collectDatasets(group, datasets);
                kernels.add(values(file, conv, find(file, conv, datasets, conv.kernelShape(), "kernel")));
                biases.add(values(file, conv, find(file, conv, datasets, new long[]{conv.outChannels()}, "bias")));
            }
            return new VggWeights(shape, kernels, biases);
        } catch (HdfException e) {
            throw new InvalidInputException(file + " is not a readable HDF5 file (" + e.getMessage() + "). Neural style "
                    + "transfer needs " + DESCRIPTION + ".", e);
        }
    }

    private static void collectDatasets(Group group, List<Dataset> into) {
        for (Node child : group.getChildren().values()) {
            if (child instanceof Dataset dataset) {
                into.add(dataset);
            } else if (child instanceof Group sub) {
                collectDatasets(sub, into);
            }
        }
    }

    /** The layer's only dataset of the expected rank, which must have the expected shape. */
    private static Dataset find(Path file, VggShape.Conv conv, List<Dataset> datasets, long[] expected, String what)
            throws InvalidInputException {
        List<Dataset> ofRank = datasets.stream().filter(d -> d.getDimensions().length == expected.length).toList();
        if (ofRank.size() != 1) {
            throw notVgg(file, "layer " + conv.kerasName() + " has " + ofRank.size() + " " + what + " datasets (rank "
                    + expected.length + "); expected one of shape " + Arrays.toString(expected));
        }
        Dataset dataset = ofRank.get(0);
        if (!Arrays.equals(dataset.getDimensionsAsLong(), expected)) {
            throw notVgg(file, "the " + what + " of layer " + conv.kerasName() + " has shape "
                    + Arrays.toString(dataset.getDimensionsAsLong()) + "; expected " + Arrays.toString(expected));
        }
        return dataset;
    }

    private static float[] values(Path file, VggShape.Conv conv, Dataset dataset) throws InvalidInputException {
        Object data = dataset.getDataFlat();
        if (data instanceof float[] floats) {
            return floats;
        }
        if (data instanceof double[] doubles) {
            float[] floats = new float[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                floats[i] = (float) doubles[i];
            }
            return floats;
        }
        throw notVgg(file, "layer " + conv.kerasName() + " holds " + dataset.getJavaType().getSimpleName()
                + " values instead of floating-point weights");
    }

    private static InvalidInputException notVgg(Path file, String problem) {
        return new InvalidInputException(file + " is not the VGG19 no-top weights file: " + problem + ". Neural style "
                + "transfer needs " + DESCRIPTION + ".");
    }
}
