package org.singanseg.studio.core.seg;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.Chain;
import org.singanseg.studio.core.nn.CompositeLayer;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.Layer;
import org.singanseg.studio.core.nn.MaxPool2x2;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.compute.Buffer;

/**
 * UNet++ (Zhou et al., 2018, "UNet++: A Nested U-Net Architecture for Medical Image
 * Segmentation"), the network the SinGAN-Seg paper scored its synthetic data with, without deep
 * supervision: channels-last images [B, H, W, inChannels] in, one channel of mask logits
 * [B, H, W, 1] out, from the same parts as {@link UNet}.
 *
 * <p>{@code depth} levels; level i works at 1/2^i of the input size with width * 2^i channels.
 * Node X^{i,j} (i + j &lt; depth) is a block of two 3x3 same-padded convolutions, each followed
 * by batch norm and ReLU, as in the U-Net:
 * <ul>
 *   <li>X^{0,0} = block(input) and X^{i,0} = block(pool(X^{i-1,0})): the U-Net's encoder, down
 *   by 2x2 max pooling;</li>
 *   <li>X^{i,j} = block([X^{i,0}, ..., X^{i,j-1}, up(X^{i+1,j-1})]) for j &gt;= 1: every earlier
 *   node of its level and the node below, upsampled (nearest, 2x), stacked along the channels.</li>
 * </ul>
 * A 1x1 convolution makes the logits from X^{0,depth-1}. Input sides must be multiples of
 * 2^(depth - 1) so that the levels line up.
 *
 * <p>Why: a U-Net joins an encoder's fine features straight to a decoder's coarse, semantically
 * deeper ones; UNet++ bridges that gap with nested decoders at every level (the U-Nets of every
 * depth, sharing one encoder) and dense skips, so each decoder node sees features already brought
 * closer to its own. At depth 1 and 2 it is the U-Net itself (the same blocks and parameters, the
 * skip stacked before rather than after the upsampled features); deeper, it has more blocks,
 * depth (depth + 1) / 2 against the U-Net's 2 depth - 1, and more parameters.
 *
 * <p>Batch norm is the engine's {@link BatchNorm}, per image as in {@link UNet}. A layer itself,
 * so {@link #network} puts it into a {@link Sequential} for flat parameters, gradients and Adam.
 * Not thread-safe.
 */
public final class UNetPlusPlus extends CompositeLayer {
    private final int depth;
    /** nodes[i][j] is X^{i,j}, for i + j &lt; depth. */
    private final Chain[][] nodes;
    private final Conv2d head;
    /** pools[i] makes X^{i+1,0}'s input from X^{i,0}. */
    private final MaxPool2x2[] pools;
    /** ups[i][j] and stacks[i][j] make X^{i,j}'s input, for j &gt;= 1 (null for j = 0). */
    private final Upsample2x[][] ups;
    private final ChannelStack[][] stacks;
    private final INDArray[][] outputs;
    /** dLoss/dX^{i,j}, summed over the nodes that X^{i,j} feeds, in buffers of their own. */
    private final Buffer[][] gradientBuffers;
    private final INDArray[][] gradients;

    private UNetPlusPlus(Chain[][] nodes, Conv2d head) {
        super(parts(nodes, head));
        this.depth = nodes.length;
        this.nodes = nodes;
        this.head = head;
        pools = new MaxPool2x2[depth - 1];
        ups = new Upsample2x[depth][];
        stacks = new ChannelStack[depth][];
        outputs = new INDArray[depth][];
        gradientBuffers = new Buffer[depth][];
        gradients = new INDArray[depth][];
        for (int i = 0; i < depth; i++) {
            int nodesOfLevel = depth - i;
            if (i < depth - 1) {
                pools[i] = new MaxPool2x2();
            }
            ups[i] = new Upsample2x[nodesOfLevel];
            stacks[i] = new ChannelStack[nodesOfLevel];
            outputs[i] = new INDArray[nodesOfLevel];
            gradientBuffers[i] = new Buffer[nodesOfLevel];
            gradients[i] = new INDArray[nodesOfLevel];
            for (int j = 0; j < nodesOfLevel; j++) {
                gradientBuffers[i][j] = new Buffer();
                if (j > 0) {
                    ups[i][j] = new Upsample2x();
                    stacks[i][j] = new ChannelStack(j + 1);
                }
            }
        }
    }

    /**
     * @param inChannels image channels (3 for RGB)
     * @param depth      levels, at least 1 (1: no pooling at all, the same network as a U-Net of depth 1)
     * @param width      channels of the first level, doubled at every level below
     */
    public static UNetPlusPlus create(int inChannels, int depth, int width) {
        if (depth < 1 || width < 1 || inChannels < 1) {
            throw new IllegalArgumentException("Depth, width and channels must be positive");
        }
        Chain[][] nodes = new Chain[depth][];
        for (int i = 0; i < depth; i++) {
            int channels = width << i;
            nodes[i] = new Chain[depth - i];
            nodes[i][0] = UNet.block(i == 0 ? inChannels : channels / 2, channels);
            for (int j = 1; j < depth - i; j++) {
                // j earlier nodes of this level (channels each) and the upsampled node below (2 * channels).
                nodes[i][j] = UNet.block((j + 2) * channels, channels);
            }
        }
        return new UNetPlusPlus(nodes, Conv2d.same(width, 1, 1));
    }

    /** A UNet++ in a network of its own, with flat parameters and gradients for Adam. */
    public static Sequential network(DataType type, int inChannels, int depth, int width) {
        return new Sequential(type, List.of(create(inChannels, depth, width)));
    }

    /** The blocks in the order of the forward pass (column j by column, each from level 0 down), then the head. */
    private static List<Layer> parts(Chain[][] nodes, Conv2d head) {
        List<Layer> parts = new ArrayList<>();
        for (int j = 0; j < nodes.length; j++) {
            for (int i = 0; i + j < nodes.length; i++) {
                parts.add(nodes[i][j]);
            }
        }
        parts.add(head);
        return parts;
    }

    @Override
    public INDArray forward(INDArray input) {
        UNet.checkInput("UNet++", depth, input);
        INDArray x = input;
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                x = pools[i - 1].forward(x);
            }
            x = nodes[i][0].forward(x);
            outputs[i][0] = x;
        }
        // Column by column: X^{i,j} needs only column j - 1 and the earlier nodes of its level.
        for (int j = 1; j < depth; j++) {
            for (int i = 0; i + j < depth; i++) {
                INDArray[] stacked = new INDArray[j + 1];
                System.arraycopy(outputs[i], 0, stacked, 0, j);
                stacked[j] = ups[i][j].forward(outputs[i + 1][j - 1]);
                outputs[i][j] = nodes[i][j].forward(stacks[i][j].forward(stacked));
            }
        }
        return head.forward(outputs[0][depth - 1]);
    }

    /**
     * The forward pass in reverse, column by column from the last. A node feeds the later nodes of
     * its level, the node above and to the right (through upsampling) and, in the encoder, the level
     * below (through pooling), so its gradient is the sum over all of them; it is complete when its
     * column's turn comes, as every node it feeds is in a later column or, for pooling, lower down
     * the encoder, which goes first.
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        for (INDArray[] level : gradients) {
            java.util.Arrays.fill(level, null);
        }
        add(0, depth - 1, head.backward(gradOutput));
        for (int j = depth - 1; j >= 1; j--) {
            for (int i = 0; i + j < depth; i++) {
                INDArray[] split = stacks[i][j].backward(nodes[i][j].backward(gradients[i][j]));
                for (int k = 0; k < j; k++) {
                    add(i, k, split[k]);
                }
                add(i + 1, j - 1, ups[i][j].backward(split[j]));
            }
        }
        INDArray g = null;
        for (int i = depth - 1; i >= 0; i--) {
            g = nodes[i][0].backward(gradients[i][0]);
            if (i > 0) {
                add(i - 1, 0, pools[i - 1].backward(g));
            }
        }
        return g;
    }

    /** Adds one path's dLoss/dX^{i,j} to the node's sum. */
    private void add(int i, int j, INDArray gradient) {
        if (gradients[i][j] == null) {
            gradients[i][j] = gradientBuffers[i][j].like(gradient).assign(gradient);
        } else {
            gradients[i][j].addi(gradient);
        }
    }
}
