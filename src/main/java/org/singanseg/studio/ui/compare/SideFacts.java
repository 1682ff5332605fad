package org.singanseg.studio.ui.compare;

import org.singanseg.studio.core.compare.ColourHistograms;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.ui.gallery.Enlargement;
import org.singanseg.studio.ui.gallery.MaskStyle;
import org.singanseg.studio.ui.gallery.MaskedImages;

import javafx.scene.image.Image;

/**
 * What the compare view shows of one side (real or synthetic), read from its image and mask files
 * on a background thread: the picture with its mask drawn in (enlarged when small), the colour
 * histograms, the mask's figures and the image's own size.
 */
record SideFacts(Image picture, ColourHistograms histograms, MaskFigures mask, int width, int height, int enlarged) {

    /** @param shownSide the picture is enlarged (by {@link #enlarged()}) until its longer side is at least this */
    static SideFacts read(java.nio.file.Path image, java.nio.file.Path mask, MaskStyle style, double shownSide)
            throws Exception {
        Planes rgb = TrainingPair.toRgb(ImageFiles.read(image));
        boolean[] inside = Masks.fromMaskImage(ImageFiles.read(mask));
        if (inside.length != rgb.width() * rgb.height()) {
            throw new IllegalStateException("The mask " + mask.getFileName() + " does not have the image's size.");
        }
        int factor = Enlargement.factor(rgb.width(), rgb.height(), shownSide);
        Image picture = MaskedImages.render(MaskedImages.enlarged(MaskedImages.readPair(image, mask), factor), style);
        return new SideFacts(picture, ColourHistograms.of(rgb), MaskFigures.of(MaskRaster.of(inside, rgb.width(),
                rgb.height())), rgb.width(), rgb.height(), factor);
    }
}
