package org.singanseg.studio.core.gan;

import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.image.Pyramid;

/**
 * A SinGAN-Seg model: the settings and pyramid it was trained with, its source, and the finished
 * scales (coarsest first). A model with fewer scales than its pyramid is a checkpoint of an
 * unfinished run.
 */
public record SinGanModel(TrainingSettings settings, Pyramid pyramid, SourceInfo source, List<TrainedScale> scales) {

    public SinGanModel {
        scales = List.copyOf(scales);
    }

    public boolean complete() {
        return scales.size() == pyramid.scales();
    }

    public SinGanModel withScale(TrainedScale scale) {
        List<TrainedScale> more = new ArrayList<>(scales);
        more.add(scale);
        return new SinGanModel(settings, pyramid, source, more);
    }
}
