package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

/** The command line end to end: real files in, real files out, exit codes and messages. */
class TrainAndGenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsAndResumesAndRefusesToOverwrite() throws Exception {
        Path model = dir.resolve("polyp.singan");
        String[] train = {"train", "--image", TestData.smallImage().toString(), "--mask", TestData.smallMask().toString(),
                "--out", model.toString(), "--max-size", "34", "--iterations", "3", "--width", "8", "--width-max", "8"};
        CliRun first = CliRun.of(train);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Settings: preset custom: Max size (px) 34, "), first.out());
        TestData.Size size = TestData.Size.of(TestData.smallImage());
        TrainingSettings quick = TrainingSettings.quick();
        Pyramid pyramid = Pyramid.plan(size.height(), size.width(), 34, quick.minSize(), quick.scaleFactor());
        assertTrue(first.out().contains("scaled down to " + pyramid.finestWidth() + "x" + pyramid.finestHeight() + " px"),
                first.out());
        assertTrue(first.out().contains("Model saved"), first.out());
        assertTrue(ModelFile.load(model).complete());

        CliRun again = CliRun.of(train);
        assertEquals(UserErrors.USER_ERROR, again.exit());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void badInputsExitWithCodeTwoAndAMessage() throws Exception {
        Path text = dir.resolve("note.png");
        Files.writeString(text, "text");
        CliRun notImage = CliRun.of("train", "--image", text.toString(), "--mask", TestData.smallMask().toString(),
                "--out", dir.resolve("a.singan").toString());
        assertEquals(2, notImage.exit());
        assertTrue(notImage.err().startsWith("Error: ") && notImage.err().contains("not an image"), notImage.err());
        assertTrue(!notImage.err().contains("\tat "), "no stack trace");

        TestData.Size size = TestData.Size.of(TestData.smallImage());
        Path otherSize = TestData.maskOfAnotherSize(dir);
        CliRun wrongSize = CliRun.of("train", "--image", TestData.smallImage().toString(), "--mask",
                otherSize.toString(), "--out", dir.resolve("b.singan").toString());
        assertEquals(2, wrongSize.exit());
        assertTrue(wrongSize.err().contains("The mask is " + TestData.Size.of(otherSize) + " pixels but the image is "
                + size), wrongSize.err());

        BufferedImage black = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_BYTE_GRAY);
        Path empty = dir.resolve("empty.png");
        ImageIO.write(black, "png", empty.toFile());
        CliRun emptyMask = CliRun.of("train", "--image", TestData.smallImage().toString(), "--mask", empty.toString(),
                "--out", dir.resolve("c.singan").toString());
        assertEquals(2, emptyMask.exit());
        assertTrue(emptyMask.err().contains("empty"), emptyMask.err());

        // A max size that scales the shorter side below the preset's min size (the suggestion rounds up).
        TestData.Size large = TestData.Size.of(TestData.largeImage());
        int longer = Math.max(large.width(), large.height());
        int shorter = Math.min(large.width(), large.height());
        int min = TrainingSettings.quick().minSize();
        int needed = (min * longer + shorter - 1) / shorter;
        CliRun tooSmall = CliRun.of("train", "--image", TestData.largeImage().toString(), "--mask",
                TestData.largeMask().toString(), "--out", dir.resolve("e.singan").toString(), "--max-size",
                Integer.toString((min - 1) * longer / shorter));
        assertEquals(2, tooSmall.exit());
        assertTrue(tooSmall.err().contains("at least " + needed + " px"), tooSmall.err());

        CliRun badPreset = CliRun.of("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.smallMask().toString(), "--out", dir.resolve("d.singan").toString(), "--preset", "fast");
        assertEquals(2, badPreset.exit());
        assertTrue(badPreset.err().contains("quick, sharp, standard, paper"), badPreset.err());

        CliRun badModel = CliRun.of("generate", "--model", text.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, badModel.exit());
        assertTrue(badModel.err().contains("not a SinGAN-Seg Studio model"), badModel.err());
    }

    @Test
    void generateWritesPngPairsInTheKvasirLayoutAndAManifest() throws Exception {
        Path model = dir.resolve("m.singan");
        SinGanModel trained = TinyModels.trained();
        ModelFile.save(trained, model);
        Path out = dir.resolve("samples");
        CliRun result = CliRun.of("generate", "--model", model.toString(), "--count", "3", "--seed", "42",
                "--start-scale", "1", "--scale-h", "1.5", "--out", out.toString());
        assertEquals(0, result.exit(), result.err());
        List<String> csv = Files.readAllLines(out.resolve("manifest.csv"));
        assertEquals(4, csv.size());
        long width = Math.round(trained.pyramid().finestWidth() * 1.5);
        int height = trained.pyramid().finestHeight();
        // index, files, seed, draw (0: the mask reached the default floor of 1% at once), start scale, size
        // factors, floor, size.
        assertTrue(csv.get(1).startsWith("0,images/0000.png,masks/0000.png,42,0,1,1.5000,1.0000,0.0100," + width
                + "," + height + ","), csv.get(1));
        assertTrue(csv.get(1).endsWith(",m.singan," + trained.source().imageName() + ",test"), csv.get(1));
        for (int i = 0; i < 3; i++) {
            BufferedImage image = ImageIO.read(out.resolve(String.format("images/%04d.png", i)).toFile());
            BufferedImage mask = ImageIO.read(out.resolve(String.format("masks/%04d.png", i)).toFile());
            assertEquals(width, image.getWidth());
            assertEquals(height, mask.getHeight());
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int v = mask.getRaster().getSample(x, y, 0);
                    assertTrue(v == 0 || v == 255, "binary mask");
                }
            }
        }
    }

    /** Sizes that are not numbers, or below the model's coarsest scale, made 1 px images and NaN rows before. */
    @Test
    void generateRefusesSizesAndScalesItCannotUseBeforeMakingItsFolder() throws Exception {
        Path model = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), model);
        Path out = dir.resolve("samples");
        List<List<String>> refused = List.of(List.of("--scale-h", "NaN"), List.of("--scale-v", "Infinity"),
                List.of("--scale-h", "0.001"), List.of("--scale-v", "-1"), List.of("--start-scale", "99"));
        for (List<String> option : refused) {
            List<String> args = new java.util.ArrayList<>(List.of("generate", "--model", model.toString(),
                    "--count", "2", "--out", out.toString()));
            args.addAll(option);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(UserErrors.USER_ERROR, run.exit(), option + ": " + run.out() + run.err());
            assertTrue(run.err().startsWith("Error: "), run.err());
            assertTrue(!Files.exists(out), option + " leaves no output folder");
        }
        CliRun tiny = CliRun.of("generate", "--model", model.toString(), "--out", out.toString(), "--scale-h", "0.001");
        assertTrue(tiny.err().contains("coarsest scale"), tiny.err());
        CliRun nan = CliRun.of("generate", "--model", model.toString(), "--out", out.toString(), "--scale-h", "NaN");
        assertTrue(nan.err().contains("NaN"), nan.err());
    }

    /** A model file name with a comma and quotes stays one cell of the manifest. */
    @Test
    void theManifestQuotesNamesWithCommasAndQuotes() throws Exception {
        Path model = dir.resolve("polyp, \"v2\".singan");
        ModelFile.save(TinyModels.trained(), model);
        Path out = dir.resolve("samples");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--count", "2", "--seed", "1", "--out",
                out.toString());
        assertEquals(0, run.exit(), run.err());
        List<List<String>> rows = CsvTable.parse(Files.readString(out.resolve("manifest.csv")));
        assertEquals(3, rows.size());
        for (List<String> row : rows) {
            assertEquals(rows.get(0).size(), row.size(), row.toString());
        }
        assertEquals("polyp, \"v2\".singan", rows.get(2).get(rows.get(0).indexOf("model")));
    }
}
