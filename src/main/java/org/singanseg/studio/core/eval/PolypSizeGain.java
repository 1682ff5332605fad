package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.singanseg.studio.core.seg.SegmentationMetrics;

/**
 * Where the headline's IoU gain lies: the same paired bootstrap ({@link SyntheticGain}) on the
 * smallest, middle and largest third of the test images by the share of the image their polyp
 * covers. Small polyps are what a model trained on a few frames misses most, and a test set's mix of
 * sizes moves the relative gain.
 *
 * @param third  0 = smallest polyps, 1 = middle, 2 = largest
 * @param from   smallest polyp share in the third (0..1)
 * @param to     largest polyp share in the third
 * @param images test images in the third
 */
public record PolypSizeGain(int third, double from, double to, int images, SyntheticGain gain) {
    private static final String[] NAMES = {"smallest", "middle", "largest"};

    /** The three thirds' IoU gains over {@code baseline}; empty with fewer than three test images. */
    public static List<PolypSizeGain> of(EvaluationResult result, EvaluationSetting baseline) {
        Map<String, Double> shares = new LinkedHashMap<>();
        result.runs().forEach(run -> run.images().forEach(i -> shares.putIfAbsent(i.name(), i.polypShare())));
        List<String> bySize = shares.keySet().stream()
                .sorted(Comparator.comparing((String name) -> shares.get(name)).thenComparing(name -> name)).toList();
        List<PolypSizeGain> gains = new ArrayList<>();
        int n = bySize.size();
        if (n < 3) {
            return gains;
        }
        for (int third = 0; third < 3; third++) {
            List<String> names = bySize.subList(third * n / 3, (third + 1) * n / 3);
            Set<String> kept = names.stream().collect(Collectors.toSet());
            gains.add(new PolypSizeGain(third, shares.get(names.get(0)), shares.get(names.get(names.size() - 1)),
                    names.size(), SyntheticGain.of(result, baseline, "IoU", SegmentationMetrics::iou,
                    image -> kept.contains(image.name()))));
        }
        return gains;
    }

    /**
     * One line per baseline of the headline, e.g. "IoU by test polyp size: smallest third (polyp on 0.1%
     * to 3.3% of the image, 40 test images) from 0.041 to 0.042, +4% (95% CI -17% to +28%), within the noise;
     * ...".
     */
    public static List<String> lines(EvaluationResult result) {
        List<String> lines = new ArrayList<>();
        for (EvaluationSetting baseline : SyntheticGain.baselines(result)) {
            List<PolypSizeGain> gains = of(result, baseline);
            if (gains.isEmpty()) {
                continue;
            }
            SyntheticGain any = gains.get(0).gain();
            String budget = any.named() ? ", budget " + any.budget().id() : "";
            lines.add("IoU by test polyp size" + budget + ": "
                    + gains.stream().map(PolypSizeGain::describe).collect(Collectors.joining("; ")) + ".");
        }
        return lines;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s third (polyp on %.1f%% to %.1f%% of the image, %d test images) from "
                        + "%.3f to %.3f, %s (95%% CI %s to %s)%s", NAMES[third], 100 * from, 100 * to, images,
                gain.without(), gain.with(), SyntheticGain.percent(gain.relative()),
                SyntheticGain.percent(gain.relativeLow()), SyntheticGain.percent(gain.relativeHigh()),
                gain.withinNoise() ? ", within the noise" : "");
    }
}
