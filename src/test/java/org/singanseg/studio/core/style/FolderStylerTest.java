package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.testing.TestData;

/** Styling a folder of pairs: layouts, masks copied byte for byte, the manifest, cancel. */
class FolderStylerTest {
    @TempDir
    Path dir;

    /** images/a.png + masks/a.jpg (a real JPEG mask), images/b.png without a mask. */
    private Path imagesAndMasks() throws Exception {
        Path in = dir.resolve("in");
        PngFiles.write(PngFiles.rgb(NeuralStyleTest.randomImage(36, 44, 1, 0.2f, 0.7f)), in.resolve("images/a.png"));
        PngFiles.write(PngFiles.rgb(NeuralStyleTest.randomImage(36, 44, 2, 0.2f, 0.7f)), in.resolve("images/b.png"));
        Files.createDirectories(in.resolve("masks"));
        Files.copy(TestData.smallMask(), in.resolve("masks/a.jpg"));
        return in;
    }

    private static FolderStyler.Listener recording(List<String> events) {
        return new FolderStyler.Listener() {
            @Override
            public void imageStarted(int index, int count, StyleInput input) {
                events.add("start " + index + "/" + count);
            }

            @Override
            public void step(int step, int steps, StyleLosses losses) {
                events.add("step " + step + "/" + steps);
            }

            @Override
            public void imageFinished(int index, int count, StyleInput input, double seconds) {
                events.add("done " + input.outputImage());
            }
        };
    }

    @Test
    void neuralStyleKeepsMasksByteIdentical() throws Exception {
        Path in = imagesAndMasks();
        Path weights = dir.resolve("vgg.h5");
        VggWeightFiles.write(weights, VggWeightFiles.SMALL, VggWeightFiles.Naming.KERAS2, 4);
        NeuralStyle neural = new NeuralStyle(VggWeightsFile.read(weights, VggWeightFiles.SMALL),
                NeuralStyleSettings.defaults().withSteps(2));
        List<String> events = new ArrayList<>();
        Path out = dir.resolve("out");

        int count = new FolderStyler(neural, recording(events), () -> false).style(in, TestData.smallImage(), out);

        assertEquals(2, count);
        assertArrayEquals(Files.readAllBytes(in.resolve("masks/a.jpg")), Files.readAllBytes(out.resolve("masks/a.jpg")));
        assertFalse(Files.exists(out.resolve("masks/b.png")));
        Planes styled = ImageFiles.read(out.resolve("images/b.png"));
        assertEquals(36, styled.height());
        assertEquals(44, styled.width());
        assertEquals(List.of("start 0/2", "step 1/2", "step 2/2", "done images/a.png", "start 1/2", "step 1/2",
                "step 2/2", "done images/b.png"), events);
        List<String> manifest = Files.readAllLines(out.resolve(FolderStyler.MANIFEST));
        assertEquals(3, manifest.size());
        assertTrue(manifest.get(1).startsWith("images/a.png,masks/a.jpg,"), manifest.get(1));
        assertTrue(manifest.get(1).contains(NeuralStyle.NAME) && manifest.get(1).contains("2 L-BFGS steps"), manifest.get(1));
    }

    @Test
    void sideBySideLayoutAndCancel() throws Exception {
        Path in = dir.resolve("generated");
        for (String name : List.of("0001", "0002")) {
            PngFiles.write(PngFiles.rgb(NeuralStyleTest.randomImage(20, 24, 3, 0, 1)), in.resolve(name + "_img.png"));
            PngFiles.write(PngFiles.mask(new boolean[20 * 24], 24, 20), in.resolve(name + "_mask.png"));
        }
        Path out = dir.resolve("styled");
        List<String> events = new ArrayList<>();
        // Cancelled once the first pair is done: it stays, listed; the second is not written.
        assertThrows(CancellationException.class, () -> new FolderStyler(new ColourMatch(), recording(events),
                () -> events.contains("done 0001_img.png")).style(in, TestData.smallImage(), out));

        assertArrayEquals(Files.readAllBytes(in.resolve("0001_mask.png")), Files.readAllBytes(out.resolve("0001_mask.png")));
        assertTrue(Files.exists(out.resolve("0001_img.png")));
        assertFalse(Files.exists(out.resolve("0002_img.png")));
        List<String> manifest = Files.readAllLines(out.resolve(FolderStyler.MANIFEST));
        assertEquals(2, manifest.size());
        assertTrue(manifest.get(1).startsWith("0001_img.png,0001_mask.png,") && manifest.get(1).contains(ColourMatch.NAME),
                manifest.get(1));
    }

    @Test
    void refusesToWriteOverTheInput() throws Exception {
        Path in = imagesAndMasks();
        String message = assertThrows(InvalidInputException.class, () -> new FolderStyler(new ColourMatch(),
                recording(new ArrayList<>()), () -> false).style(in, TestData.smallImage(), in)).getMessage();
        assertTrue(message.contains("must not be the input folder"), message);
    }
}
