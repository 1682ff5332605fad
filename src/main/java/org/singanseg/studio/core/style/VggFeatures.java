package org.singanseg.studio.core.style;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.Chain;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.Layer;
import org.singanseg.studio.core.nn.LeakyRelu;
import org.singanseg.studio.core.nn.MaxPool2x2;
import org.singanseg.studio.core.nn.Sequential;

/**
 * A VGG19 feature extractor on the engine's layers: {@link CaffeInput}, then conv 3x3 (same
 * padding) + ReLU blocks with 2x2 max pooling between them, up to the deepest layer asked for.
 * {@link #forward} returns the rectified activations of the chosen layers ("taps"; conv5_1 means
 * relu5_1's output, as in Gatys et al.), and {@link #backward} takes a loss gradient at each tap
 * and returns the gradient with respect to the input pixels. The weights never change, so only
 * input gradients are computed (transposed convolutions, about half of a full backward pass).
 *
 * <p>Input: one RGB image [1, H, W, 3] in [0, 1]; H and W of at least 2^(pools before the deepest
 * tap). Arrays returned are owned by the layers and valid until the next call. Not thread-safe.
 */
public final class VggFeatures {
    private final Sequential network;
    private final List<Chain> stages = new ArrayList<>();
    private final List<String> taps;
    private final int pools;

    /**
     * @param tapNames layers whose activations {@link #forward} returns, e.g. conv1_1; returned
     *                 in network order, which {@link #taps()} gives
     */
    public VggFeatures(VggWeights weights, List<String> tapNames, DataType type) {
        VggShape shape = weights.shape();
        List<VggShape.Conv> convs = shape.convs();
        this.taps = tapNames.stream().distinct().map(shape::conv)
                .sorted(Comparator.comparingInt(convs::indexOf)).map(VggShape.Conv::name).toList();
        int last = convs.indexOf(shape.conv(taps.get(taps.size() - 1)));

        List<Layer> layers = new ArrayList<>();
        List<float[]> parameters = new ArrayList<>();
        List<Layer> stage = new ArrayList<>();
        stage.add(CaffeInput.layer());
        parameters.add(CaffeInput.parameters());
        int poolCount = 0;
        for (int i = 0; i <= last; i++) {
            VggShape.Conv conv = convs.get(i);
            if (i > 0 && conv.block() != convs.get(i - 1).block()) {
                stage.add(new MaxPool2x2());
                poolCount++;
            }
            stage.add(Conv2d.same(conv.inChannels(), conv.outChannels(), VggShape.KERNEL));
            stage.add(new LeakyRelu(0.0)); // a ReLU
            parameters.add(weights.kernels().get(i));
            parameters.add(weights.biases().get(i));
            if (taps.contains(conv.name())) {
                stages.add(new Chain(stage));
                layers.addAll(stage);
                stage = new ArrayList<>();
            }
        }
        this.pools = poolCount;
        this.network = new Sequential(type, layers);
        network.parameters().assign(Nd4j.createFromArray(concat(parameters)).castTo(type));
    }

    private static float[] concat(List<float[]> arrays) {
        float[] all = new float[arrays.stream().mapToInt(a -> a.length).sum()];
        int offset = 0;
        for (float[] a : arrays) {
            System.arraycopy(a, 0, all, offset, a.length);
            offset += a.length;
        }
        return all;
    }

    /** The tapped layers in network order: the order of {@link #forward}'s activations. */
    public List<String> taps() {
        return taps;
    }

    public DataType dataType() {
        return network.dataType();
    }

    /** The smallest image side the network takes: one pixel left after its poolings. */
    public int minimumSide() {
        return 1 << pools;
    }

    /** The activations [1, h, w, c] of every tap for one image [1, H, W, 3] in [0, 1]. */
    public List<INDArray> forward(INDArray image) {
        if (image.size(1) < minimumSide() || image.size(2) < minimumSide()) {
            throw new IllegalArgumentException("Style transfer needs images of at least " + minimumSide() + "x"
                    + minimumSide() + " px, got " + image.size(2) + "x" + image.size(1));
        }
        List<INDArray> activations = new ArrayList<>(stages.size());
        INDArray x = image;
        for (Chain stage : stages) {
            x = stage.forward(x);
            activations.add(x);
        }
        return activations;
    }

    /**
     * dLoss/dImage for the last {@link #forward}, given dLoss/dActivation at every tap (in
     * {@link #taps()} order; null where the loss does not use a tap).
     */
    public INDArray backward(List<INDArray> tapGradients) {
        INDArray g = null;
        for (int i = stages.size() - 1; i >= 0; i--) {
            INDArray atTap = tapGradients.get(i);
            if (g == null) {
                g = atTap;
            } else if (atTap != null) {
                g.addi(atTap); // g is the layer's own gradient buffer, free to overwrite
            }
            if (g != null) {
                g = stages.get(i).inputGradient(g);
            }
        }
        if (g == null) {
            throw new IllegalArgumentException("No gradient at any tap");
        }
        return g;
    }
}
