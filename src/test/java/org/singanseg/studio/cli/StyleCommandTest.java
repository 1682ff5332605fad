package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.style.ColourMatch;
import org.singanseg.studio.core.style.VggWeightFiles;
import org.singanseg.studio.core.style.VggWeightsFile;
import org.singanseg.studio.testing.TestData;

/** The style command: colour match end to end, and the messages for missing or wrong weights. */
class StyleCommandTest {
    @TempDir
    Path dir;

    private Path generated() throws Exception {
        Path in = dir.resolve("generated");
        Planes image = Planes.zeros(3, 20, 24);
        java.util.Arrays.fill(image.plane(1), 0.5f);
        boolean[] mask = new boolean[20 * 24];
        mask[30] = true;
        PngFiles.write(PngFiles.rgb(image), in.resolve("0000_img.png"));
        PngFiles.write(PngFiles.mask(mask, 24, 20), in.resolve("0000_mask.png"));
        return in;
    }

    @Test
    void colourMatchStylesImagesAndCopiesMasks() throws Exception {
        Path in = generated();
        Path out = dir.resolve("styled");

        CliRun run = CliRun.of("style", "--in", in.toString(), "--style", TestData.smallImage().toString(),
                "--out", out.toString(), "--method", "colour");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Styled 1 image"), run.out());
        assertArrayEquals(Files.readAllBytes(in.resolve("0000_mask.png")), Files.readAllBytes(out.resolve("0000_mask.png")));
        assertTrue(Files.isRegularFile(out.resolve("0000_img.png")));
        List<String> manifest = Files.readAllLines(out.resolve("style.csv"));
        assertTrue(manifest.get(1).contains(ColourMatch.NAME), manifest.toString());
    }

    @Test
    void missingWeightsSayWhereAndWhat() throws Exception {
        Path in = generated();
        CliRun run = CliRun.of("style", "--in", in.toString(), "--style", TestData.smallImage().toString(),
                "--out", dir.resolve("styled").toString(), "--weights", dir.resolve("none.h5").toString());

        assertEquals(UserErrors.USER_ERROR, run.exit());
        assertTrue(run.err().contains("about 80 MB") && run.err().contains(VggWeightsFile.defaultLocation().toString())
                && run.err().contains("--weights FILE") && run.err().contains("--method colour"), run.err());
        assertTrue(!Files.exists(dir.resolve("styled")), "nothing written");
    }

    @Test
    void wrongWeightsFileIsRefused() throws Exception {
        Path weights = dir.resolve("other.h5");
        VggWeightFiles.write(weights, VggWeightFiles.SMALL, VggWeightFiles.Naming.KERAS1, 1);
        CliRun run = CliRun.of("style", "--in", generated().toString(), "--style", TestData.smallImage().toString(),
                "--out", dir.resolve("styled").toString(), "--weights", weights.toString());

        assertEquals(UserErrors.USER_ERROR, run.exit());
        assertTrue(run.err().contains("is not the VGG19 no-top weights file: the kernel of layer block1_conv1 has shape"),
                run.err());
    }
}
