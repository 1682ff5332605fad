package org.singanseg.studio.ui.train;

import org.singanseg.studio.core.image.Planes;

/** The latest images of the scale in training, 4 channels (RGB + mask) in [0, 1]. */
public record TrainingPreview(int scale, int iteration, Planes real, Planes reconstruction, Planes sample) {
}
