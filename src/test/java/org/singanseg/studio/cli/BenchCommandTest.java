package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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
