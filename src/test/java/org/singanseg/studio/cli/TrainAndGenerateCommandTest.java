package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

import picocli.CommandLine;

/** The command line end to end: real files in, real files out, exit codes and messages. */
class TrainAndGenerateCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    @Test
    void trainsAndResumesAndRefusesToOverwrite() throws Exception {
        Path model = dir.resolve("polyp.singan");
        String[] train = {"train", "--image", TestData.smallImage().toString(), "--mask", TestData.smallMask().toString(),
                "--out", model.toString(), "--max-size", "34", "--iterations", "3", "--width", "8", "--width-max", "8"};
        Result first = run(train);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Settings: preset quick"), first.out());
        assertTrue(first.out().contains("scaled down to 34x26 px"), first.out());
        assertTrue(first.out().contains("Model saved"), first.out());
        assertTrue(ModelFile.load(model).complete());

        Result again = run(train);
        assertEquals(UserErrors.USER_ERROR, again.exit());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void badInputsExitWithCodeTwoAndAMessage() throws Exception {
        Path text = dir.resolve("note.png");
        Files.writeString(text, "text");
        Result notImage = run("train", "--image", text.toString(), "--mask", TestData.smallMask().toString(),
                "--out", dir.resolve("a.singan").toString());
        assertEquals(2, notImage.exit());
        assertTrue(notImage.err().startsWith("Error: ") && notImage.err().contains("not an image"), notImage.err());
        assertTrue(!notImage.err().contains("\tat "), "no stack trace");

        Result wrongSize = run("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.largeMask().toString(), "--out", dir.resolve("b.singan").toString());
        assertEquals(2, wrongSize.exit());
        assertTrue(wrongSize.err().contains("The mask is"), wrongSize.err());

        BufferedImage black = new BufferedImage(384, 288, BufferedImage.TYPE_BYTE_GRAY);
        Path empty = dir.resolve("empty.png");
        ImageIO.write(black, "png", empty.toFile());
        Result emptyMask = run("train", "--image", TestData.smallImage().toString(), "--mask", empty.toString(),
                "--out", dir.resolve("c.singan").toString());
        assertEquals(2, emptyMask.exit());
        assertTrue(emptyMask.err().contains("empty"), emptyMask.err());

        Result tooSmall = run("train", "--image", TestData.largeImage().toString(), "--mask",
                TestData.largeMask().toString(), "--out", dir.resolve("e.singan").toString(), "--max-size", "40");
        assertEquals(2, tooSmall.exit());
        assertTrue(tooSmall.err().contains("at least 45 px"), tooSmall.err());

        Result badPreset = run("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.smallMask().toString(), "--out", dir.resolve("d.singan").toString(), "--preset", "fast");
        assertEquals(2, badPreset.exit());
        assertTrue(badPreset.err().contains("quick, standard, paper"), badPreset.err());

        Result badModel = run("generate", "--model", text.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, badModel.exit());
        assertTrue(badModel.err().contains("not a SinGAN-Seg Studio model"), badModel.err());
    }

    @Test
    void generateWritesPngPairsAndCsv() throws Exception {
        Path model = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), model);
        Path out = dir.resolve("samples");
        Result result = run("generate", "--model", model.toString(), "--count", "3", "--seed", "42",
                "--start-scale", "1", "--scale-h", "1.5", "--out", out.toString());
        assertEquals(0, result.exit(), result.err());
        List<String> csv = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("0,0000_img.png,0000_mask.png,42,1,1.5000,1.0000,60,30,"), csv.get(1));
        for (int i = 0; i < 3; i++) {
            BufferedImage image = ImageIO.read(out.resolve(String.format("%04d_img.png", i)).toFile());
            BufferedImage mask = ImageIO.read(out.resolve(String.format("%04d_mask.png", i)).toFile());
            assertEquals(60, image.getWidth());
            assertEquals(30, mask.getHeight());
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int v = mask.getRaster().getSample(x, y, 0);
                    assertTrue(v == 0 || v == 255, "binary mask");
                }
            }
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cli = StudioCommand.commandLine();
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int exit = cli.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
