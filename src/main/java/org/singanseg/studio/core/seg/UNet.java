package org.singanseg.studio.core.seg;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.BatchNorm;
import org.singanseg.studio.core.nn.Chain;
import org.singanseg.studio.core.nn.CompositeLayer;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.Layer;
import org.singanseg.studio.core.nn.LeakyRelu;
import org.singanseg.studio.core.nn.MaxPool2x2;
import org.singanseg.studio.core.nn.Sequential;

/**
 * A small U-Net (Ronneberger et al., 2015) for binary segmentation: channels-last images
 * [B, H, W, inChannels] in, one channel of mask logits [B, H, W, 1] out (sigmoid(logit) is the
 * polyp probability; {@link BceDiceLoss} trains it).
 *
 * <p>{@code depth} levels; level l works at 1/2^l of the input size with width * 2^l channels.
 * Each level's block is two 3x3 same-padded convolutions, each followed by batch norm and ReLU.
 * Down: 2x2 max pooling into the next level's block. Up: nearest 2x upsampling, concatenated with
 * the same level's encoder output (the skip connection), into a decoder block; a 1x1 convolution
 * makes the logits. Input sides must be multiples of 2^(depth - 1) so that the skips line up.
 *
 * <p>Batch norm is the engine's {@link BatchNorm}, which normalises every image by its own
 * statistics (instance normalisation with an affine map, as nnU-Net uses): a prediction then
 * depends on its image alone, the same in training and in use, with no running statistics to
 * settle, which matters with the few images and small batches of a segmentation experiment here.
 *
 * <p>A layer itself, so {@link #network} puts it into a {@link Sequential} for flat parameters,
 * gradients and Adam. Not thread-safe.
 */
public final class UNet extends CompositeLayer {
    private static final int KERNEL = 3;

    private final int depth;
    private final List<Chain> encoders;
    /** decoders.get(l) makes level l's output from level l + 1's. */
    private final List<Chain> decoders;
    private final Conv2d head;
    private final List<MaxPool2x2> pools = new ArrayList<>();
    private final List<Upsample2x> upsamplers = new ArrayList<>();
    private final List<ChannelStack> skips = new ArrayList<>();
    private final INDArray[] encoded;
    private final INDArray[] skipGradients;

    private UNet(List<Chain> encoders, List<Chain> decoders, Conv2d head) {
        super(parts(encoders, decoders, head));
        this.depth = encoders.size();
        this.encoders = encoders;
        this.decoders = decoders;
        this.head = head;
        for (int level = 0; level < depth - 1; level++) {
            pools.add(new MaxPool2x2());
            upsamplers.add(new Upsample2x());
            skips.add(new ChannelStack(2));
        }
        encoded = new INDArray[depth];
        skipGradients = new INDArray[depth - 1];
    }

    /**
     * @param inChannels image channels (3 for RGB)
     * @param depth      levels, at least 1 (1: no pooling at all)
     * @param width      channels of the first level, doubled at every level below
     */
    public static UNet create(int inChannels, int depth, int width) {
        if (depth < 1 || width < 1 || inChannels < 1) {
            throw new IllegalArgumentException("Depth, width and channels must be positive");
        }
        List<Chain> encoders = new ArrayList<>();
        List<Chain> decoders = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            int channels = width << level;
            encoders.add(block(level == 0 ? inChannels : channels / 2, channels));
            if (level < depth - 1) {
                // The upsampled level below (2 * channels) stacked on this level's skip (channels).
                decoders.add(block(3 * channels, channels));
            }
        }
        return new UNet(encoders, decoders, Conv2d.same(width, 1, 1));
    }

    /** A U-Net in a network of its own, with flat parameters and gradients for Adam. */
    public static Sequential network(DataType type, int inChannels, int depth, int width) {
        return new Sequential(type, List.of(create(inChannels, depth, width)));
    }

    /** Input sides must be multiples of this: 2^(depth - 1). */
    public static int sideMultiple(int depth) {
        return 1 << (depth - 1);
    }

    /** Throws IllegalArgumentException unless {@code input} is [B, H, W, C] with sides the levels can halve. */
    static void checkInput(String network, int depth, INDArray input) {
        int multiple = sideMultiple(depth);
        if (input.rank() != 4 || input.size(1) % multiple != 0 || input.size(2) % multiple != 0) {
            throw new IllegalArgumentException("A " + network + " of depth " + depth + " needs [batch, height, width, "
                    + "channels] with sides that are multiples of " + multiple + ", got "
                    + java.util.Arrays.toString(input.shape()));
        }
    }

    /** Two 3x3 same-padded convolutions, each followed by batch norm and ReLU: one node of a U-Net or UNet++. */
    static Chain block(int in, int out) {
        return new Chain(List.of(
                Conv2d.same(in, out, KERNEL), new BatchNorm(out), new LeakyRelu(0),
                Conv2d.same(out, out, KERNEL), new BatchNorm(out), new LeakyRelu(0)));
    }

    private static List<Layer> parts(List<Chain> encoders, List<Chain> decoders, Conv2d head) {
        List<Layer> parts = new ArrayList<>(encoders);
        parts.addAll(decoders);
        parts.add(head);
        return parts;
    }

    @Override
    public INDArray forward(INDArray input) {
        checkInput("U-Net", depth, input);
        INDArray x = input;
        for (int level = 0; level < depth; level++) {
            if (level > 0) {
                x = pools.get(level - 1).forward(x);
            }
            x = encoders.get(level).forward(x);
            encoded[level] = x;
        }
        for (int level = depth - 2; level >= 0; level--) {
            x = upsamplers.get(level).forward(x);
            x = skips.get(level).forward(x, encoded[level]);
            x = decoders.get(level).forward(x);
        }
        return head.forward(x);
    }

    /**
     * The forward pass in reverse. An encoder output feeds both the level below (through pooling)
     * and its skip connection, so its gradient is the sum of the two.
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray g = head.backward(gradOutput);
        for (int level = 0; level < depth - 1; level++) {
            INDArray[] split = skips.get(level).backward(decoders.get(level).backward(g));
            skipGradients[level] = split[1];
            g = upsamplers.get(level).backward(split[0]);
        }
        for (int level = depth - 1; level >= 0; level--) {
            if (level < depth - 1) {
                // The pooling's own gradient buffer, read by nothing else before the next backward.
                g.addi(skipGradients[level]);
            }
            g = encoders.get(level).backward(g);
            if (level > 0) {
                g = pools.get(level - 1).backward(g);
            }
        }
        return g;
    }
}
