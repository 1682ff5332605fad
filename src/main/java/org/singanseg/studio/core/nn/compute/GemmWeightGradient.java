package org.singanseg.studio.core.nn.compute;

import java.util.Arrays;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weight and bias gradients of a valid (unpadded) k x k convolution as k² matrix products, for
 * CPUs where oneDNN's own backward-weights kernel is slow (oneDNN 2.5 below AVX-512 spends several
 * times its forward pass there).
 *
 * <p>With the output gradient g copied onto rows as wide as the input's (the last k - 1 pixels of
 * each row zero), the input pixel under tap (ky, kx) of output pixel p is input pixel
 * p + ky * width + kx in the flattened channels-last image. So each tap's gradient,
 * sum over p of input[p + shift]^T g[p], is one matrix product of a contiguous [pixels, inC] view
 * of the input, read in place, and the widened gradient: no image is unfolded. The zero pixels
 * cancel the products that wrap past a row's end. Weights are "hwio", so each product writes its
 * [inC, outC] block of the layer's gradient directly.
 */
final class GemmWeightGradient {
    private final long batch;
    private final long width;
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    /** Output pixels per image whose shifted views stay inside the image: the last k - 1 are zero in g. */
    private final long pixels;
    private final long imageFloats;
    private final memory userGradOutput;
    private final memory widenedGradOutput;
    private final reorder widen;
    private final long widenedBytes;
    private final memory ones;

    GemmWeightGradient(long batch, long height, long width, int inChannels, int outChannels, int kernel) {
        this.batch = batch;
        this.width = width;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        long outHeight = height - kernel + 1;
        long outWidth = width - kernel + 1;
        this.pixels = outHeight * width - (kernel - 1);
        this.imageFloats = height * width * inChannels;
        userGradOutput = DirectOneDnn.unboundMemory(
                DirectOneDnn.desc(memory.format_tag.nhwc, batch, outChannels, outHeight, outWidth));
        long rowFloats = width * outChannels;
        long[] widenedStrides = {outHeight * rowFloats, 1, rowFloats, outChannels};
        widenedGradOutput = DirectOneDnn.unboundMemory(new memory.desc(
                new long[] {batch, outChannels, outHeight, outWidth}, memory.data_type.f32, widenedStrides));
        widen = new reorder(userGradOutput, widenedGradOutput);
        widenedBytes = batch * outHeight * rowFloats * Float.BYTES;
        ones = DirectOneDnn.ownedMemory(DirectOneDnn.desc(memory.format_tag.x, pixels));
        float[] allOnes = new float[Math.toIntExact(pixels)];
        Arrays.fill(allOnes, 1f);
        new FloatPointer(ones.get_data_handle()).put(allOnes);
    }

    /** Overwrites gradWeights ([k, k, inC, outC]) and gradBias ([outC]); all arrays dense channels-last. */
    void compute(INDArray input, INDArray gradOutput, INDArray gradWeights, INDArray gradBias) {
        Pointer widened = DirectOneDnn.scratch(DirectOneDnn.GEMM_SLOT, widenedBytes);
        // The pixels the reorder skips are the zeros that cancel the wrapped products.
        Pointer.memset(widened, 0, widenedBytes);
        userGradOutput.set_data_handle(DirectOneDnn.address(gradOutput));
        widenedGradOutput.set_data_handle(widened);
        widen.execute(DirectOneDnn.stream(), userGradOutput, widenedGradOutput);

        long in = DirectOneDnn.address(input).address();
        long weights = DirectOneDnn.address(gradWeights).address();
        long bias = DirectOneDnn.address(gradBias).address();
        long allOnes = ones.get_data_handle().address();
        long gradRows = widenedBytes / batch;
        long tapFloats = (long) inChannels * outChannels;
        for (long image = 0; image < batch; image++) {
            float beta = image == 0 ? 0f : 1f;
            long g = widened.address() + image * gradRows;
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    long shift = (image * imageFloats + (ky * width + kx) * inChannels) * Float.BYTES;
                    long tap = (ky * kernel + kx) * tapFloats * Float.BYTES;
                    sgemm(true, inChannels, outChannels, in + shift, inChannels, g, beta, weights + tap);
                }
            }
            sgemm(false, 1, outChannels, allOnes, pixels, g, beta, bias);
        }
    }

    /** out[rows, outC] = beta * out + a^T b (transposed) or a b, b being [pixels, outC] with rows outC apart. */
    private void sgemm(boolean transposeA, long rows, long columns, long a, long aStride, long b, float beta,
                       long out) {
        int status = dnnl.dnnl_sgemm((byte) (transposeA ? 'T' : 'N'), (byte) 'N', rows, columns, pixels, 1f,
                floats(a), aStride, floats(b), columns, beta, floats(out), columns);
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN's sgemm failed with status " + status);
        }
    }

    private static FloatPointer floats(long address) {
        return new FloatPointer(DirectOneDnn.at(address));
    }
}
