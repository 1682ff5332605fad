package org.singanseg.studio.core.nn.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.global.dnnl;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.engine.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One convolution layer's passes run by oneDNN directly, on channels-last float32 arrays. Through
 * libnd4j the same kernels cost more: it reorders every activation into oneDNN's blocked layout
 * and back for each backward pass, on freshly allocated buffers, and builds a new primitive on
 * every call. Here the primitives of each input shape and thread count are built once and kept
 * ({@value #SHAPES}, like {@link Buffer}). Small images stay channels-last, in place. Large ones
 * between multiples of 16 channels run Winograd's algorithm, fewer multiplications for the same
 * sums: oneDNN's, staged through reused blocked buffers ({@link StagedActivation}), where it has
 * kernels for the CPU, else this project's ({@link WinogradConvolution}: oneDNN 2.5 has none below
 * AVX-512). Elsewhere they run the direct algorithm, channels-last. Below AVX-512 the weight
 * gradient of a valid convolution runs as matrix products instead of oneDNN's slow kernel
 * ({@link GemmWeightGradient}).
 *
 * <p>Weights are [k, k, inC, outC] ("hwio"), as the layer keeps them. Not thread-safe: the engine
 * thread's.
 */
final class OneDnnConvolution {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnConvolution.class);
    private static final int SHAPES = 4;
    /** Set once a Winograd plan failed to build on an AVX-512 CPU: its kernels are missing after all. */
    private static final AtomicBoolean WINOGRAD_UNAVAILABLE = new AtomicBoolean();
    private static final AtomicBoolean OWN_WINOGRAD_LOGGED = new AtomicBoolean();

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int padding;
    private final List<Plan> plans = new ArrayList<>(SHAPES);
    private boolean unsupported;
    /** Made on first use, where oneDNN has no Winograd kernels. */
    private WinogradConvolution ownWinograd;

    /**
     * @param padding zeros added on every side of the input (0: a valid convolution)
     */
    OneDnnConvolution(int inChannels, int outChannels, int kernel, int padding) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.padding = padding;
    }

    /**
     * @return false, having done nothing, if oneDNN cannot run this convolution (logged once;
     *         the caller's libnd4j op runs it instead)
     */
    boolean forward(INDArray input, INDArray weights, INDArray bias, INDArray output) {
        if (runsOwnWinograd(input)) {
            ownWinograd.forward(input, weights, bias, output);
            return true;
        }
        Plan plan = planFor(input);
        if (plan == null) {
            return false;
        }
        plan.userWeights.set_data_handle(DirectOneDnn.address(weights));
        plan.forwardWeightsReorder.execute(DirectOneDnn.stream(), plan.userWeights, plan.forwardWeights);
        plan.bias.set_data_handle(DirectOneDnn.address(bias));
        plan.input.bringIn(input);
        plan.output.prepareOut(output);
        plan.forward.execute(DirectOneDnn.stream(), plan.forwardArgs);
        plan.output.sendOut();
        return true;
    }

    /** Input gradient only, after a {@link #forward} of this shape that returned true. */
    void inputGradient(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradInput) {
        if (runsOwnWinograd(input)) {
            ownWinograd.inputGradient(gradOutput, weights, gradInput);
            return;
        }
        Plan plan = planFor(input);
        plan.userWeights.set_data_handle(DirectOneDnn.address(weights));
        plan.backwardDataWeightsReorder.execute(DirectOneDnn.stream(), plan.userWeights, plan.backwardDataWeights);
        plan.gradOutput.bringIn(gradOutput);
        plan.gradInput.prepareOut(gradInput);
        plan.backwardData.execute(DirectOneDnn.stream(), plan.backwardDataArgs);
        plan.gradInput.sendOut();
    }

    /** Input, weight and bias gradients; the parameter gradients overwrite gradWeights and gradBias. */
    void backward(INDArray input, INDArray weights, INDArray gradOutput, INDArray gradInput, INDArray gradWeights,
                  INDArray gradBias) {
        inputGradient(input, weights, gradOutput, gradInput);
        if (runsOwnWinograd(input)) {
            ownWinograd.weightGradients(input, gradOutput, gradWeights, gradBias);
        } else {
            parameterGradients(planFor(input), input, gradOutput, gradWeights, gradBias);
        }
    }

    /** Weight and bias gradients only, overwriting gradWeights and gradBias. */
    void weightGradients(INDArray input, INDArray gradOutput, INDArray gradWeights, INDArray gradBias) {
        if (runsOwnWinograd(input)) {
            ownWinograd.weightGradients(input, gradOutput, gradWeights, gradBias);
            return;
        }
        Plan plan = planFor(input);
        if (plan.gemmWeightGradient == null) {
            plan.gradOutput.bringIn(gradOutput);
        }
        parameterGradients(plan, input, gradOutput, gradWeights, gradBias);
    }

    /** The backward-weights pass; oneDNN's reads the gradOutput already brought in. */
    private void parameterGradients(Plan plan, INDArray input, INDArray gradOutput, INDArray gradWeights,
                                    INDArray gradBias) {
        if (plan.gemmWeightGradient != null) {
            plan.gemmWeightGradient.compute(input, gradOutput, gradWeights, gradBias);
            return;
        }
        plan.input.bringIn(input);
        plan.gradBias.set_data_handle(DirectOneDnn.address(gradBias));
        plan.backwardWeights.execute(DirectOneDnn.stream(), plan.backwardWeightsArgs);
        plan.userGradWeights.set_data_handle(DirectOneDnn.address(gradWeights));
        plan.gradWeightsReorder.execute(DirectOneDnn.stream(), plan.gradWeights, plan.userGradWeights);
    }

    /** Whether this input's convolution runs Winograd's algorithm, oneDNN's or this project's. */
    boolean usesWinograd(INDArray input) {
        if (runsOwnWinograd(input)) {
            return true;
        }
        Plan plan = planFor(input);
        return plan != null && plan.winograd;
    }

    /**
     * Whether this project's Winograd runs this input's convolution: on a CPU for which oneDNN has
     * no Winograd kernels (oneDNN 2.5 has them for AVX-512 only), where it beats the direct kernels.
     */
    private boolean runsOwnWinograd(INDArray input) {
        if (kernel != 3 || padding != 0 || DirectOneDnn.hasAvx512()
                || !WinogradConvolution.pays(inChannels, outChannels, input.size(1) - 2, input.size(2) - 2)) {
            return false;
        }
        if (ownWinograd == null) {
            ownWinograd = new WinogradConvolution(inChannels, outChannels);
            if (!OWN_WINOGRAD_LOGGED.getAndSet(true)) {
                LOG.info("oneDNN has no Winograd kernels on this CPU ({}); this project's Winograd runs the large "
                        + "3x3 convolutions", DirectOneDnn.cpu());
            }
        }
        return true;
    }

    /** The cached plan of this input's shape, built if new; null if oneDNN cannot build it. */
    private Plan planFor(INDArray input) {
        if (unsupported) {
            return null;
        }
        long batch = input.size(0);
        long height = input.size(1);
        long width = input.size(2);
        // A primitive keeps the thread count it was built with (EngineThreads changes it by size).
        int threads = Backend.threads();
        for (Plan plan : plans) {
            if (plan.batch == batch && plan.height == height && plan.width == width && plan.threads == threads) {
                return plan;
            }
        }
        if (plans.size() == SHAPES) {
            plans.remove(0);
        }
        long outHeight = height + 2L * padding - kernel + 1;
        long outWidth = width + 2L * padding - kernel + 1;
        boolean winogradFits = winogradFits(outHeight, outWidth);
        // oneDNN 2.5 has Winograd kernels for AVX-512 only; below it, runsOwnWinograd decides.
        if (winogradFits && DirectOneDnn.hasAvx512() && !WINOGRAD_UNAVAILABLE.get()) {
            try {
                return keep(new Plan(batch, height, width, threads, true));
            } catch (RuntimeException e) {
                if (!WINOGRAD_UNAVAILABLE.getAndSet(true)) {
                    LOG.info("oneDNN has no Winograd kernels on this CPU ({}); direct convolutions run instead",
                            DirectOneDnn.cpu());
                }
            }
        }
        try {
            return keep(new Plan(batch, height, width, threads, false));
        } catch (RuntimeException e) {
            unsupported = true;
            LOG.warn("oneDNN cannot run a {}x{} convolution from {} to {} channels on {}x{} images ({}); "
                    + "libnd4j runs it", kernel, kernel, inChannels, outChannels, height, width, e.getMessage());
            return null;
        }
    }

    private Plan keep(Plan plan) {
        plans.add(plan);
        return plan;
    }

    /** Winograd's F(4x4, 3x3) algorithm: see {@link ConvolutionPasses#WINOGRAD_FROM_PIXELS}. */
    private boolean winogradFits(long outHeight, long outWidth) {
        return kernel == 3 && padding == 0 && inChannels % 16 == 0 && outChannels % 16 == 0
                && outHeight * outWidth >= ConvolutionPasses.WINOGRAD_FROM_PIXELS;
    }

    /** The primitives and memory objects of one input shape; data handles are set per call. */
    private final class Plan {
        final long batch;
        final long height;
        final long width;
        final int threads;
        /** oneDNN's Winograd kernels, staged in its blocked layout. */
        final boolean winograd;
        final StagedActivation input;
        final StagedActivation output;
        final StagedActivation gradInput;
        final StagedActivation gradOutput;
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
        /** Null where oneDNN's backward-weights kernel runs. */
        final GemmWeightGradient gemmWeightGradient;
        final IntMemoryMap forwardArgs = new IntMemoryMap();
        final IntMemoryMap backwardDataArgs = new IntMemoryMap();
        final IntMemoryMap backwardWeightsArgs = new IntMemoryMap();

        Plan(long batch, long height, long width, int threads, boolean winograd) {
            this.batch = batch;
            this.height = height;
            this.width = width;
            this.threads = threads;
            this.winograd = winograd;
            long outHeight = height + 2L * padding - kernel + 1;
            long outWidth = width + 2L * padding - kernel + 1;
            memory.desc inputDesc = DirectOneDnn.desc(memory.format_tag.nhwc, batch, inChannels, height, width);
            memory.desc outputDesc = DirectOneDnn.desc(memory.format_tag.nhwc, batch, outChannels, outHeight, outWidth);
            memory.desc biasDesc = DirectOneDnn.desc(memory.format_tag.x, outChannels);
            long[] weightDims = {outChannels, inChannels, kernel, kernel};
            memory.desc userWeightsDesc = DirectOneDnn.desc(memory.format_tag.hwio, weightDims);
            // "any" weights: with channels-last activations and hwio weights oneDNN falls back to
            // a slower gemm-based convolution; its own layouts cost one small reorder.
            memory.desc anyWeights = DirectOneDnn.desc(memory.format_tag.any, weightDims);
            var algorithm = winograd ? dnnl.algorithm.convolution_winograd : dnnl.algorithm.convolution_direct;
            memory.desc primitiveInput = winograd
                    ? DirectOneDnn.desc(memory.format_tag.any, batch, inChannels, height, width) : inputDesc;
            memory.desc primitiveOutput = winograd
                    ? DirectOneDnn.desc(memory.format_tag.any, batch, outChannels, outHeight, outWidth) : outputDesc;
            long[] strides = {1, 1};
            long[] pad = {padding, padding};

            var forwardPd = new convolution_forward.primitive_desc(new convolution_forward.desc(
                    dnnl.prop_kind.forward_training, algorithm,
                    primitiveInput, anyWeights, biasDesc, primitiveOutput, strides, pad, pad), DirectOneDnn.engine());
            var backwardDataPd = new convolution_backward_data.primitive_desc(new convolution_backward_data.desc(
                    algorithm, forwardPd.src_desc(), anyWeights, forwardPd.dst_desc(), strides, pad, pad),
                    DirectOneDnn.engine(), forwardPd);
            var backwardWeightsPd = new convolution_backward_weights.primitive_desc(
                    new convolution_backward_weights.desc(algorithm,
                            forwardPd.src_desc(), anyWeights, biasDesc, forwardPd.dst_desc(), strides, pad, pad),
                    DirectOneDnn.engine(), forwardPd);

            // Scratch slots: an input and an output of one pass never share one.
            input = new StagedActivation(inputDesc, forwardPd.src_desc(), 0);
            output = new StagedActivation(outputDesc, forwardPd.dst_desc(), 1);
            gradOutput = new StagedActivation(outputDesc, backwardDataPd.diff_dst_desc(), 2);
            gradInput = new StagedActivation(inputDesc, backwardDataPd.diff_src_desc(), 1);
            if (backwardWeightsPd.src_desc().notEquals(forwardPd.src_desc())
                    || backwardWeightsPd.diff_dst_desc().notEquals(backwardDataPd.diff_dst_desc())) {
                throw new IllegalStateException("oneDNN's backward passes chose different activation layouts");
            }
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
            forwardArgs.put(dnnl.DNNL_ARG_SRC, input.primitiveSide());
            forwardArgs.put(dnnl.DNNL_ARG_WEIGHTS, forwardWeights);
            forwardArgs.put(dnnl.DNNL_ARG_BIAS, bias);
            forwardArgs.put(dnnl.DNNL_ARG_DST, output.primitiveSide());
            backwardData = new convolution_backward_data(backwardDataPd);
            backwardDataArgs.put(dnnl.DNNL_ARG_DIFF_DST, gradOutput.primitiveSide());
            backwardDataArgs.put(dnnl.DNNL_ARG_WEIGHTS, backwardDataWeights);
            backwardDataArgs.put(dnnl.DNNL_ARG_DIFF_SRC, gradInput.primitiveSide());
            backwardWeights = new convolution_backward_weights(backwardWeightsPd);
            backwardWeightsArgs.put(dnnl.DNNL_ARG_SRC, input.primitiveSide());
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_DST, gradOutput.primitiveSide());
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_WEIGHTS, gradWeights);
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_BIAS, gradBias);
            gemmWeightGradient = padding == 0 && !DirectOneDnn.hasAvx512()
                    ? new GemmWeightGradient(batch, height, width, inChannels, outChannels, kernel) : null;
        }
    }
}
