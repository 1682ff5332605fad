package org.singanseg.studio.core.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;

/**
 * Mask PNGs as segmentation datasets expect them: 8-bit greyscale, 0 = background, 255 = polyp.
 * The app stores masks that way, so their bytes are exported as they are; anything else (edited by
 * hand, another tool's file) is thresholded as the app reads masks and encoded again.
 */
final class BinaryMasks {
    private BinaryMasks() {
    }

    /** The export bytes of a stored mask file, given its bytes. */
    static byte[] of(Path file, byte[] stored) throws InvalidInputException, IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        if (image == null) {
            throw new InvalidInputException("The mask " + file + " is not a readable image. Delete that sample, "
                    + "or generate it again, and export again.");
        }
        return isBinaryGrey(image) ? stored : png(MaskFiles.read(file));
    }

    static byte[] png(MaskRaster mask) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(PngFiles.mask(mask.toBooleans(), mask.width(), mask.height()), "png", bytes);
        return bytes.toByteArray();
    }

    private static boolean isBinaryGrey(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return false;
        }
        for (byte value : ((DataBufferByte) image.getRaster().getDataBuffer()).getData()) {
            if (value != 0 && value != (byte) 255) {
                return false;
            }
        }
        return true;
    }
}
