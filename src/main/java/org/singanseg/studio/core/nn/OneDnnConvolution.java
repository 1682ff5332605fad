package org.singanseg.studio.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.global.dnnl;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One convolution layer's passes run by oneDNN directly, on channels-last float32 arrays in place.
 * Through libnd4j the same kernels cost a third more at SinGAN's finer scales: libnd4j reorders
 * every activation into oneDNN's blocked layout and back for each backward pass (14% of a 118x89
 * iteration), and builds a new primitive and fresh buffers on every call. Here the primitives of
 * each input shape are built once and kept ({@value #SHAPES} shapes, like {@link Buffer}), the
 * activations stay channels-last, and only the small weight arrays are reordered.
 *
 * <p>Weights are [k, k, inC, outC] ("hwio"), as the layer keeps them. Not thread-safe: the engine
 * thread's.
 */
final class OneDnnConvolution {
    private static final int SHAPES = 4;

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int padding;
    private final List<Plan> plans = new ArrayList<>(SHAPES);

    /**
     * @param padding zeros added on every side of the input (0: a valid convolution)
     */
    OneDnnConvolution(int inChannels, int outChannels, int kernel, int padding) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.padding = padding;
    }

    void forward(INDArray input, INDArray weights, INDArray bias, INDArray output) {
        Plan plan = planFor(input);
        plan.userWeights.set_data_handle(DirectOneDnn.address(weights));
        plan.forwardWeightsReorder.execute(DirectOneDnn.stream(), plan.userWeights, plan.forwardWeights);
        bindData(plan.bias, bias);
        bindData(plan.input, input);
        bindData(plan.output, output);
        plan.forward.execute(DirectOneDnn.stream(), plan.forwardArgs);
    }

    /** Input gradient only. */
    void inputGradient(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradInput) {
        Plan plan = planFor(input);
        plan.userWeights.set_data_handle(DirectOneDnn.address(weights));
        plan.backwardDataWeightsReorder.execute(DirectOneDnn.stream(), plan.userWeights, plan.backwardDataWeights);
        bindData(plan.gradOutput, gradOutput);
        bindData(plan.gradInput, gradInput);
        plan.backwardData.execute(DirectOneDnn.stream(), plan.backwardDataArgs);
    }

    /** Input, weight and bias gradients; the parameter gradients overwrite gradWeights and gradBias. */
    void backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradInput, INDArray gradWeights,
                  INDArray gradBias) {
        inputGradient(input, weights, gradOutput, gradInput);
        Plan plan = planFor(input);
        bindData(plan.input, input);
        bindData(plan.gradBias, gradBias);
        plan.backwardWeights.execute(DirectOneDnn.stream(), plan.backwardWeightsArgs);
        plan.userGradWeights.set_data_handle(DirectOneDnn.address(gradWeights));
        plan.gradWeightsReorder.execute(DirectOneDnn.stream(), plan.gradWeights, plan.userGradWeights);
    }

    private static void bindData(memory memory, INDArray array) {
        memory.set_data_handle(DirectOneDnn.address(array));
    }

    private Plan planFor(INDArray input) {
        long batch = input.size(0);
        long height = input.size(1);
        long width = input.size(2);
        for (Plan plan : plans) {
            if (plan.batch == batch && plan.height == height && plan.width == width) {
                return plan;
            }
        }
        if (plans.size() == SHAPES) {
            plans.remove(0);
        }
        Plan plan = new Plan(batch, height, width);
        plans.add(plan);
        return plan;
    }

    /** The primitives and memory objects of one input shape; data handles are set per call. */
    private final class Plan {
        final long batch;
        final long height;
        final long width;
        final memory input;
        final memory output;
        final memory gradInput;
        final memory gradOutput;
        final memory bias;
        final memory gradBias;
        final memory userWeights;
        final memory userGradWeights;
        final memory forwardWeights;
        final memory backwardDataWeights;
        final memory gradWeights;
        final reorder forwardWeightsReorder;
        final reorder backwardDataWeightsReorder;
        final reorder gradWeightsReorder;
        final primitive forward;
        final primitive backwardData;
        final primitive backwardWeights;
        final IntMemoryMap forwardArgs = new IntMemoryMap();
        final IntMemoryMap backwardDataArgs = new IntMemoryMap();
        final IntMemoryMap backwardWeightsArgs = new IntMemoryMap();

        Plan(long batch, long height, long width) {
            this.batch = batch;
            this.height = height;
            this.width = width;
            long outHeight = height + 2L * padding - kernel + 1;
            long outWidth = width + 2L * padding - kernel + 1;
            memory.desc inputDesc = DirectOneDnn.desc(memory.format_tag.nhwc, batch, inChannels, height, width);
            memory.desc outputDesc = DirectOneDnn.desc(memory.format_tag.nhwc, batch, outChannels, outHeight, outWidth);
            memory.desc biasDesc = DirectOneDnn.desc(memory.format_tag.x, outChannels);
            long[] weightDims = {outChannels, inChannels, kernel, kernel};
            memory.desc userWeightsDesc = DirectOneDnn.desc(memory.format_tag.hwio, weightDims);
            // "any": with channels-last activations and hwio weights oneDNN falls back to a
            // gemm-based convolution, 2-4x slower; its own weight layouts cost one small reorder.
            memory.desc anyWeights = DirectOneDnn.desc(memory.format_tag.any, weightDims);
            long[] strides = {1, 1};
            long[] pad = {padding, padding};

            var forwardPd = new convolution_forward.primitive_desc(new convolution_forward.desc(
                    dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct,
                    inputDesc, anyWeights, biasDesc, outputDesc, strides, pad, pad), DirectOneDnn.engine());
            var backwardDataPd = new convolution_backward_data.primitive_desc(new convolution_backward_data.desc(
                    dnnl.algorithm.convolution_direct, inputDesc, anyWeights, outputDesc, strides, pad, pad),
                    DirectOneDnn.engine(), forwardPd);
            var backwardWeightsPd = new convolution_backward_weights.primitive_desc(
                    new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct,
                            inputDesc, anyWeights, biasDesc, outputDesc, strides, pad, pad),
                    DirectOneDnn.engine(), forwardPd);
            requireChannelsLast(forwardPd.src_desc(), inputDesc);
            requireChannelsLast(forwardPd.dst_desc(), outputDesc);
            requireChannelsLast(backwardDataPd.diff_src_desc(), inputDesc);
            requireChannelsLast(backwardWeightsPd.diff_dst_desc(), outputDesc);

            input = DirectOneDnn.unboundMemory(inputDesc);
            output = DirectOneDnn.unboundMemory(outputDesc);
            gradInput = DirectOneDnn.unboundMemory(inputDesc);
            gradOutput = DirectOneDnn.unboundMemory(outputDesc);
            bias = DirectOneDnn.unboundMemory(biasDesc);
            gradBias = DirectOneDnn.unboundMemory(biasDesc);
            userWeights = DirectOneDnn.unboundMemory(userWeightsDesc);
            userGradWeights = DirectOneDnn.unboundMemory(userWeightsDesc);
            forwardWeights = DirectOneDnn.ownedMemory(forwardPd.weights_desc());
            backwardDataWeights = DirectOneDnn.ownedMemory(backwardDataPd.weights_desc());
            gradWeights = DirectOneDnn.ownedMemory(backwardWeightsPd.diff_weights_desc());
            forwardWeightsReorder = new reorder(userWeights, forwardWeights);
            backwardDataWeightsReorder = new reorder(userWeights, backwardDataWeights);
            gradWeightsReorder = new reorder(gradWeights, userGradWeights);

            forward = new convolution_forward(forwardPd);
            forwardArgs.put(dnnl.DNNL_ARG_SRC, input);
            forwardArgs.put(dnnl.DNNL_ARG_WEIGHTS, forwardWeights);
            forwardArgs.put(dnnl.DNNL_ARG_BIAS, bias);
            forwardArgs.put(dnnl.DNNL_ARG_DST, output);
            backwardData = new convolution_backward_data(backwardDataPd);
            backwardDataArgs.put(dnnl.DNNL_ARG_DIFF_DST, gradOutput);
            backwardDataArgs.put(dnnl.DNNL_ARG_WEIGHTS, backwardDataWeights);
            backwardDataArgs.put(dnnl.DNNL_ARG_DIFF_SRC, gradInput);
            backwardWeights = new convolution_backward_weights(backwardWeightsPd);
            backwardWeightsArgs.put(dnnl.DNNL_ARG_SRC, input);
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_DST, gradOutput);
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_WEIGHTS, gradWeights);
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_BIAS, gradBias);
        }

        private static void requireChannelsLast(memory.desc chosen, memory.desc wanted) {
            if (chosen.notEquals(wanted)) {
                throw new IllegalStateException("oneDNN chose another activation layout than channels-last");
            }
        }
    }
}
