package org.singanseg.studio.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The convolutions of a stack alone, forward and backward, on preallocated arrays: the machine's
 * raw conv2d throughput for exactly the stack's shapes, the yardstick for the stack's own speed.
 */
public final class RawConvolutions {
    private final List<Pass> passes = new ArrayList<>();

    private record Pass(NativeOp forward, NativeOp backward, INDArray input, INDArray weights, INDArray bias, INDArray output,
                        INDArray gradIn, INDArray gradWeights, INDArray gradBias) {
        void run() {
            forward.run(input, weights, bias, output);
            backward.run(input, weights, bias, output, gradIn, gradWeights, gradBias);
        }
    }

    public RawConvolutions(Sequential stack, long batch, long height, long width) {
        long h = height;
        long w = width;
        for (Layer layer : stack.layers()) {
            if (layer instanceof Conv2d conv) {
                int k = conv.kernel();
                var type = stack.dataType();
                INDArray input = Nd4j.rand(type, batch, h, w, conv.inChannels());
                h -= conv.shrink();
                w -= conv.shrink();
                INDArray weights = Nd4j.rand(type, k, k, conv.inChannels(), conv.outChannels());
                INDArray bias = Nd4j.rand(type, conv.outChannels());
                passes.add(new Pass(Ops.conv2d(k, conv.keepsSize()), Ops.conv2dBackward(k, conv.keepsSize()), input, weights, bias,
                        Nd4j.create(type, batch, h, w, conv.outChannels()), Nd4j.create(type, input.shape()),
                        Nd4j.create(type, weights.shape()), Nd4j.create(type, bias.shape())));
            }
        }
    }

    /** One forward and one backward (input and weight gradients) of every convolution. */
    public void run() {
        for (Pass pass : passes) {
            pass.run();
        }
    }
}
