package org.singanseg.studio.core.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The trained kernels and biases of a {@link VggShape}'s convolutions, as plain arrays (safe to
 * load on any thread and hand to the engine thread). Kernels are flat in HWIO order, C order:
 * what Keras stores and what the engine's convolutions take.
 *
 * @param kernels one per convolution, in {@link VggShape#convs()} order
 * @param biases  one per convolution, same order
 */
public record VggWeights(VggShape shape, List<float[]> kernels, List<float[]> biases) {

    public VggWeights {
        kernels = List.copyOf(kernels);
        biases = List.copyOf(biases);
        List<VggShape.Conv> convs = shape.convs();
        if (kernels.size() != convs.size() || biases.size() != convs.size()) {
            throw new IllegalArgumentException("Expected " + convs.size() + " kernels and biases, got "
                    + kernels.size() + " and " + biases.size());
        }
        for (int i = 0; i < convs.size(); i++) {
            VggShape.Conv conv = convs.get(i);
            long kernelLength = (long) VggShape.KERNEL * VggShape.KERNEL * conv.inChannels() * conv.outChannels();
            if (kernels.get(i).length != kernelLength || biases.get(i).length != conv.outChannels()) {
                throw new IllegalArgumentException("Wrong weight sizes for " + conv.name());
            }
        }
    }

    /**
     * He-normal kernels (N(0, 2 / fan-in)) and zero biases, which keep activations at a steady scale
     * through the ReLU stack: for timing and tests, where the real weights are not needed.
     */
    public static VggWeights random(VggShape shape, Random random) {
        List<float[]> kernels = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (VggShape.Conv conv : shape.convs()) {
            int fanIn = VggShape.KERNEL * VggShape.KERNEL * conv.inChannels();
            float[] kernel = new float[fanIn * conv.outChannels()];
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < kernel.length; i++) {
                kernel[i] = (float) (random.nextGaussian() * std);
            }
            kernels.add(kernel);
            biases.add(new float[conv.outChannels()]);
        }
        return new VggWeights(shape, kernels, biases);
    }
}
