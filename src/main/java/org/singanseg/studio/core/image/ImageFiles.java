package org.singanseg.studio.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads image files of any bit depth and channel layout into planes scaled to [0, 1]:
 * greyscale, grey + alpha, RGB, RGBA, and CMYK or YCCK JPEGs. Samples are scaled by their own
 * bit depth, so 16-bit files lose nothing and are not gamma-shifted the way a colour-managed
 * conversion of linear grey would be.
 *
 * <p>JPEGs are decoded by TwelveMonkeys ImageIO, which converts CMYK and YCCK to sRGB through
 * the embedded ICC profile, and by the plain CMYK formula (as ImageMagick and Pillow write such
 * files) when there is none; the latter is logged, as the colours may then differ from what the
 * program that made the file shows.
 */
public final class ImageFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);
    /** 100 megapixels: an 8000x6000 frame opens; decoding far larger ones would exhaust memory. */
    static final long MAX_PIXELS = 100_000_000L;

    private ImageFiles() {
    }

    /** The decoded samples: 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGBA) planes in [0, 1]. */
    public static Planes read(Path file) throws InvalidInputException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("The file " + file + " does not exist or is not a file.");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("The file " + file + " cannot be read: check its permissions.");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidInputException(file.getFileName()
                        + " is not an image this app can read. Use a JPEG, PNG, BMP or TIFF file.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                            "%s is %dx%d pixels (%.0f megapixels); this app opens images up to %d megapixels. "
                                    + "Scale it down first.", file.getFileName(), reader.getWidth(0), reader.getHeight(0),
                            pixels / 1e6, MAX_PIXELS / 1_000_000));
                }
                // A JPEG cut short decodes without an exception, grey below the cut; only a warning tells.
                java.util.List<String> warnings = new java.util.ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                Planes planes = fromImage(reader.read(0));
                if (warnings.stream().anyMatch(w -> w.toLowerCase().contains("premature end"))) {
                    throw new InvalidInputException(file.getFileName() + " is incomplete: the file ends before the "
                            + "image does (an interrupted copy or download?). Copy or export it again.");
                }
                if (warnings.stream().anyMatch(w -> w.toLowerCase().contains("no embedded icc"))) {
                    LOG.warn("{} is a CMYK JPEG without a colour profile: its colours were converted with the plain "
                            + "CMYK formula and may differ from what the program that made it shows.", file);
                }
                return planes;
            } finally {
                reader.dispose();
            }
        } catch (OutOfMemoryError e) {
            throw new InvalidInputException(file.getFileName() + " is too large for the memory available. "
                    + "Scale it down, or give the app more memory (-Xmx).", e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file.getFileName()
                    + " could not be decoded: the file is damaged, incomplete or in an unsupported variant ("
                    + e.getMessage() + "). Re-export it as PNG or JPEG.", e);
        }
    }

    private static Planes fromImage(BufferedImage image) {
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean indexed = image.getColorModel() instanceof java.awt.image.IndexColorModel;
        if (indexed || bands > 4 || (bands == 4 && !image.getColorModel().hasAlpha())) {
            return fromRgb(image);
        }
        Planes planes = Planes.zeros(bands, image.getHeight(), image.getWidth());
        for (int b = 0; b < bands; b++) {
            double max = (1L << raster.getSampleModel().getSampleSize(b)) - 1;
            float[] plane = planes.plane(b);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    plane[y * image.getWidth() + x] = (float) (raster.getSampleDouble(x, y, b) / max);
                }
            }
        }
        return planes;
    }

    /** Palette and other colour models: let Java convert to 8-bit sRGB (+ alpha). */
    private static Planes fromRgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        Planes planes = Planes.zeros(alpha ? 4 : 3, image.getHeight(), image.getWidth());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int i = y * image.getWidth() + x;
                planes.plane(0)[i] = ((argb >> 16) & 0xff) / 255f;
                planes.plane(1)[i] = ((argb >> 8) & 0xff) / 255f;
                planes.plane(2)[i] = (argb & 0xff) / 255f;
                if (alpha) {
                    planes.plane(3)[i] = ((argb >>> 24) & 0xff) / 255f;
                }
            }
        }
        return planes;
    }
}
