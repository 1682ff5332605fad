package org.singanseg.studio.core.mask;

import java.io.IOException;
import java.nio.file.Path;

import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.image.Planes;

/** Mask files: any image the app reads, thresholded; written as binary 0 / 255 PNGs. */
public final class MaskFiles {
    private MaskFiles() {
    }

    public static MaskRaster read(Path file) throws InvalidInputException {
        Planes image = ImageFiles.read(file);
        return MaskRaster.of(Masks.fromMaskImage(image), image.width(), image.height());
    }

    public static void write(MaskRaster mask, Path file) throws IOException {
        PngFiles.write(PngFiles.mask(mask.toBooleans(), mask.width(), mask.height()), file);
    }

    /** The mask scaled to another size by nearest neighbour, which keeps it binary. */
    public static MaskRaster resizedNearest(MaskRaster mask, int width, int height) {
        MaskRaster resized = new MaskRaster(width, height);
        for (int y = 0; y < height; y++) {
            int sourceY = (int) ((y + 0.5) * mask.height() / height);
            for (int x = 0; x < width; x++) {
                resized.set(x, y, mask.get((int) ((x + 0.5) * mask.width() / width), sourceY));
            }
        }
        return resized;
    }
}
