package org.singanseg.studio.core.style;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Settings of neural style transfer. The style layers and their weights are SinGAN-Seg's
 * (conv1_1 0.75, conv2_1 0.5, conv3_1 / conv4_1 / conv5_1 0.25) and fixed; the rest can be changed.
 *
 * @param steps         L-BFGS iterations (about one forward + backward pass of VGG19 each)
 * @param contentLayer  the layer whose activations the result keeps from the content image
 * @param contentWeight weight of the content loss
 * @param styleWeight   weight of the style loss (SinGAN-Seg's final experiments: 1000 to content's 1)
 * @param featureSide   longest side of the image the losses are optimised at; larger images are
 *                      styled at that size and the change is scaled up onto the full image.
 *                      0: the full size
 */
public record NeuralStyleSettings(int steps, String contentLayer, double contentWeight, double styleWeight,
                                  int featureSide) {
    public static final List<StyleLayer> STYLE_LAYERS = List.of(new StyleLayer("conv1_1", 0.75),
            new StyleLayer("conv2_1", 0.5), new StyleLayer("conv3_1", 0.25), new StyleLayer("conv4_1", 0.25),
            new StyleLayer("conv5_1", 0.25));
    public static final int DEFAULT_STEPS = 40;
    public static final String DEFAULT_CONTENT_LAYER = "conv5_1";
    public static final double DEFAULT_STYLE_WEIGHT = 1000;
    /** 250x188 frames are optimised at 160x120: under a minute on 2 cores (see README, bench --style). */
    public static final int DEFAULT_FEATURE_SIDE = 160;

    public NeuralStyleSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("Style transfer needs at least 1 step, got " + steps);
        }
        VggShape.VGG19.conv(contentLayer); // fails with the list of layer names
        if (!(contentWeight >= 0) || !(styleWeight >= 0) || contentWeight + styleWeight == 0) {
            throw new IllegalArgumentException("The content and style weights must be at least 0, and not both 0");
        }
        if (featureSide != 0 && featureSide < 32) {
            throw new IllegalArgumentException("The feature side must be 0 (full size) or at least 32 px, got " + featureSide);
        }
    }

    public static NeuralStyleSettings defaults() {
        return new NeuralStyleSettings(DEFAULT_STEPS, DEFAULT_CONTENT_LAYER, 1, DEFAULT_STYLE_WEIGHT, DEFAULT_FEATURE_SIDE);
    }

    public NeuralStyleSettings withSteps(int newSteps) {
        return new NeuralStyleSettings(newSteps, contentLayer, contentWeight, styleWeight, featureSide);
    }

    /** Every layer the losses read: the style layers and the content layer. */
    public List<String> layers() {
        List<String> layers = new java.util.ArrayList<>(STYLE_LAYERS.stream().map(StyleLayer::name).toList());
        layers.add(contentLayer);
        return layers.stream().distinct().toList();
    }

    /** One line for manifests and sample records. */
    public String describe() {
        String style = STYLE_LAYERS.stream().map(l -> l.name() + " " + number(l.weight())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "neural VGG19: %d L-BFGS steps, content %s, content:style %s:%s, style %s%s",
                steps, contentLayer, number(contentWeight), number(styleWeight), style,
                featureSide > 0 ? ", features at " + featureSide + " px" : "");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
