package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void benchPrintsOneTimedRowPerNetSizeAndWidth() {
        String out = run("bench", "--sizes", "25x19,30x20", "--widths", "8", "--seconds", "0.01");
        assertTrue(out.contains("Engine: CPU"), out);
        assertTrue(!out.contains("by oneDNN") || out.matches("(?s).*by oneDNN [\\d.]+ directly, instruction set \\w+\n.*"),
                out);
        Pattern row = Pattern.compile("^([GD])\\s+(\\d+x\\d+)\\s+8\\s+\\d+\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+(\\d+)%$",
                Pattern.MULTILINE);
        Matcher m = row.matcher(out);
        int rows = 0;
        while (m.find()) {
            rows++;
            assertTrue(Double.parseDouble(m.group(3)) > 0, "ms per pass");
            assertTrue(Double.parseDouble(m.group(5)) > 0, "raw ms");
        }
        assertEquals(4, rows, out);
    }

    @Test
    void segmentationBenchPrintsStepAndForwardTimes() {
        String out = run("bench", "--segmentation", "--seconds", "0.01");
        Matcher step = Pattern.compile("training step, batch 8 .*:\\s+([\\d.]+) ms").matcher(out);
        assertTrue(step.find() && Double.parseDouble(step.group(1)) > 0, out);
        assertTrue(Pattern.compile("forward pass, one image .*:\\s+[\\d.]+ ms").matcher(out).find(), out);
    }

    @Test
    void trainBenchTimesEveryScaleAndMeasuresFirstAndRedrawnSamples(@TempDir Path dir) throws Exception {
        Path sheet = dir.resolve("sheet.png");
        String out = run("bench", "--train", "--preset", "quick", "--iterations", "2", "--max-size", "40",
                "--min-size", "25", "--width", "8", "--contact-sheet", sheet.toString());
        Matcher rows = Pattern.compile("^\\s+\\d+\\s+\\d+x\\d+\\s+8\\s+[\\d.]+\\s+[\\d.]+", Pattern.MULTILINE).matcher(out);
        assertTrue(rows.find(), out);
        Pattern quality = Pattern.compile("16 samples: patch distance ([\\d.]+).*masks under 1% (\\d+)");
        Matcher first = quality.matcher(out.substring(out.indexOf("Start scale 0, first draws")));
        Matcher redrawn = quality.matcher(out.substring(out.indexOf("drawn again (as generate makes them)")));
        assertTrue(first.find() && redrawn.find(), out);
        assertTrue(Double.parseDouble(first.group(1)) > 0 && Double.parseDouble(redrawn.group(1)) > 0, out);
        assertTrue(Integer.parseInt(redrawn.group(2)) <= Integer.parseInt(first.group(2)), out);
        assertTrue(ImageIO.read(sheet.toFile()).getWidth() > 0);
    }

    @Test
    void memoryCheckReportsStartAndEnd() {
        String out = run("bench", "--memory-steps", "20");
        assertTrue(out.contains("RSS MiB"), out);
        assertTrue(Pattern.compile("^\\s+20\\s+[\\d.]+", Pattern.MULTILINE).matcher(out).find(), out);
    }

    @Test
    void versionNamesTheBackend() {
        String out = run("--version");
        assertTrue(out.contains("SinGAN-Seg Studio"), out);
        assertTrue(out.matches("(?s).*Engine: CPU \\((oneDNN|no oneDNN.*)\\), \\d+ threads?.*"), out);
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            int exit = new CommandLine(new StudioCommand()).execute(args);
            assertEquals(0, exit);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
