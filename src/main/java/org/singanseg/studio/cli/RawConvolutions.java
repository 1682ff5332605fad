package org.singanseg.studio.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.Layer;
import org.singanseg.studio.core.nn.Sequential;

/**
 * The convolutions of a stack alone, forward and backward, on preallocated inputs: the machine's
 * raw conv2d throughput for exactly the stack's shapes, through the same path the layers take
 * (oneDNN directly for float32 on the CPU, else libnd4j), the yardstick for the stack's own speed.
 */
final class RawConvolutions {
    private final List<Pass> passes = new ArrayList<>();

    private record Pass(Sequential convolution, INDArray input, INDArray gradOutput) {
        void run() {
            convolution.forward(input);
            convolution.backward(gradOutput, true);
        }
    }

    RawConvolutions(Sequential stack, long batch, long height, long width) {
        long h = height;
        long w = width;
        var type = stack.dataType();
        for (Layer layer : stack.layers()) {
            if (layer instanceof Conv2d conv) {
                Conv2d copy = conv.keepsSize() ? Conv2d.same(conv.inChannels(), conv.outChannels(), conv.kernel())
                        : new Conv2d(conv.inChannels(), conv.outChannels(), conv.kernel());
                Sequential alone = new Sequential(type, List.of(copy));
                alone.initialise(new Random(passes.size()));
                INDArray input = Nd4j.rand(type, batch, h, w, conv.inChannels());
                h -= conv.shrink();
                w -= conv.shrink();
                passes.add(new Pass(alone, input, Nd4j.rand(type, batch, h, w, conv.outChannels())));
            }
        }
    }

    /** One forward and one backward (input and weight gradients) of every convolution. */
    void run() {
        for (Pass pass : passes) {
            pass.run();
        }
    }
}
