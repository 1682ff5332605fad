package org.singanseg.studio.core.style;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.MseLoss;

/**
 * Gatys et al.'s loss of a candidate image x, with its gradient with respect to x's pixels:
 * contentWeight * MSE(F_l(x), F_l(content)) + styleWeight * sum_l w_l MSE(G_l(x), G_l(style)),
 * F_l the VGG activations at layer l and G_l their normalised Gram matrices ({@link GramLoss}).
 * Targets are computed once, from the content and style images given at construction.
 */
public final class StyleObjective implements Lbfgs.Objective {
    private final VggFeatures features;
    private final long[] imageShape;
    private final double contentWeight;
    private final double styleWeight;
    private final int contentTap;
    private final INDArray contentTarget;
    private final MseLoss contentLoss = new MseLoss(1.0);
    /** Per tap, its style loss or null. */
    private final List<GramLoss> styleLosses = new ArrayList<>();
    private final List<INDArray> tapGradients = new ArrayList<>();
    private StyleLosses last;
    private List<INDArray> activations;

    /**
     * @param features extractor whose taps are the content layer and all style layers
     * @param content  the content image [1, H, W, 3] in [0, 1], also fixing the size of the candidates
     * @param style    the style image [1, H', W', 3] in [0, 1], any size the network takes
     */
    public StyleObjective(VggFeatures features, INDArray content, INDArray style, String contentLayer,
                          List<StyleLayer> styleLayers, double contentWeight, double styleWeight) {
        this.features = features;
        this.imageShape = content.shape();
        this.contentWeight = contentWeight;
        this.styleWeight = styleWeight;
        List<String> taps = features.taps();
        this.contentTap = taps.indexOf(contentLayer);
        if (contentTap < 0) {
            throw new IllegalArgumentException("The feature extractor does not tap the content layer " + contentLayer);
        }
        List<INDArray> styleActivations = features.forward(style);
        for (int i = 0; i < taps.size(); i++) {
            String tap = taps.get(i);
            double weight = styleLayers.stream().filter(l -> l.name().equals(tap)).mapToDouble(StyleLayer::weight).sum();
            styleLosses.add(weight > 0 ? new GramLoss(styleActivations.get(i), weight) : null);
            tapGradients.add(null);
        }
        this.contentTarget = features.forward(content).get(contentTap).dup();
    }

    /** The loss terms of the last {@link #evaluate}. */
    public StyleLosses lastLosses() {
        return last;
    }

    /** The loss terms at x (flat or [1, H, W, 3]), without a gradient. */
    public StyleLosses losses(INDArray x) {
        activations = features.forward(x.reshape(imageShape));
        double content = contentLoss.forward(activations.get(contentTap), contentTarget);
        double style = 0;
        for (int i = 0; i < activations.size(); i++) {
            if (styleLosses.get(i) != null) {
                style += styleLosses.get(i).forward(activations.get(i));
            }
        }
        return new StyleLosses(contentWeight * content, styleWeight * style);
    }

    @Override
    public double evaluate(INDArray x, INDArray gradient) {
        last = losses(x);
        for (int i = 0; i < activations.size(); i++) {
            INDArray into = tapGradients.get(i);
            if (into == null || !Arrays.equals(into.shape(), activations.get(i).shape())) {
                into = activations.get(i).ulike();
                tapGradients.set(i, into);
            }
            into.assign(0);
            if (i == contentTap) {
                into.addi(contentLoss.gradient().mul(contentWeight));
            }
            if (styleLosses.get(i) != null) {
                styleLosses.get(i).addGradient(activations.get(i), into, styleWeight);
            }
        }
        gradient.assign(features.backward(tapGradients).reshape(gradient.shape()));
        return last.total();
    }
}
