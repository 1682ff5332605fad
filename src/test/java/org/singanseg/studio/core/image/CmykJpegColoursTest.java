package org.singanseg.studio.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CMYK and YCCK JPEGs as ImageMagick and Pillow write them, with and without an embedded ICC
 * profile, against the reference conversion ImageMagick (littleCMS) makes of the same files
 * (src/test/resources/cmyk-jpegs/README.md says how they were made). The chart's first patch is
 * black (16,16,16), its second tissue (124,96,76): the colours of the bug report, where they came
 * out as (71,71,71) and (171,155,141).
 */
class CmykJpegColoursTest {
    /** JPEG decoders round their colour conversions and upsampling differently by a level. */
    private static final int TOLERANCE = 2;

    @ParameterizedTest
    @ValueSource(strings = {"imagemagick-ycck", "pil-cmyk", "imagemagick-ycck-profile"})
    void matchesTheReferenceConversion(String name) throws Exception {
        Planes decoded = ImageFiles.read(resource(name + ".jpg"));
        BufferedImage reference = ImageIO.read(resource(name + ".reference.png").toFile());
        int worst = 0;
        for (int y = 0; y < reference.getHeight(); y++) {
            for (int x = 0; x < reference.getWidth(); x++) {
                int[] expected = rgb(reference, x, y);
                int[] actual = rgb(decoded, x, y);
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(expected[c] - actual[c]));
                }
            }
        }
        assertTrue(worst <= TOLERANCE, name + " differs from the reference by up to " + worst + " levels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"imagemagick-ycck", "pil-cmyk"})
    void withoutProfileTheReportedColoursComeBack(String name) throws Exception {
        Planes decoded = ImageFiles.read(resource(name + ".jpg"));
        assertArrayEquals(new int[]{16, 16, 16}, rgb(decoded, 4, 4), name);
        int[] tissue = rgb(decoded, 12, 4);
        int[] expected = {124, 96, 76};
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(tissue[c] - expected[c]) <= TOLERANCE, name + ": tissue came out as "
                    + Arrays.toString(tissue));
        }
    }

    /** The same samples with a (deliberately warm) profile must look as the profile says, not as the formula. */
    @Test
    void theEmbeddedProfileIsApplied() throws Exception {
        int[] withProfile = rgb(ImageFiles.read(resource("imagemagick-ycck-profile.jpg")), 4, 4);
        int[] formula = rgb(ImageFiles.read(resource("imagemagick-ycck.jpg")), 4, 4);
        assertTrue(withProfile[0] - formula[0] > 20 && withProfile[0] > withProfile[2] + 10,
                "the profile lifts and warms black: " + Arrays.toString(withProfile));
    }

    private static int[] rgb(BufferedImage image, int x, int y) {
        int argb = image.getRGB(x, y);
        return new int[]{(argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff};
    }

    private static int[] rgb(Planes planes, int x, int y) {
        return new int[]{level(planes.get(0, y, x)), level(planes.get(1, y, x)), level(planes.get(2, y, x))};
    }

    private static int level(float value) {
        return Math.round(value * 255);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CmykJpegColoursTest.class.getResource("/cmyk-jpegs/" + name).toURI());
    }
}
