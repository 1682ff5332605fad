package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command-line chain as the README gives it: train (tiny) -> generate -> export, with real
 * files: generate's folder and the export are both in the Kvasir-SEG layout with binary masks.
 */
class TrainGenerateExportTest {
    private static final int COUNT = 4;

    @TempDir
    Path dir;

    @Test
    void trainGenerateAndExportMakeAKvasirDataset() throws Exception {
        Path model = dir.resolve("demo.singan");
        List<String> train = new ArrayList<>(List.of("train", "--image", TestData.smallImage().toString(), "--mask",
                TestData.smallMask().toString(), "--out", model.toString()));
        train.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        CliRun trained = CliRun.of(train.toArray(String[]::new));
        assertEquals(0, trained.exit(), trained.out() + trained.err());

        Path samples = dir.resolve("samples");
        CliRun generated = CliRun.of("generate", "--model", model.toString(), "--count", Integer.toString(COUNT),
                "--out", samples.toString());
        assertEquals(0, generated.exit(), generated.out() + generated.err());
        assertKvasir(samples, List.of("0000.png", "0001.png", "0002.png", "0003.png"));
        assertEquals(COUNT + 1, Files.readAllLines(samples.resolve("manifest.csv")).size());

        Path dataset = dir.resolve("dataset");
        CliRun exported = CliRun.of("export", "--samples", samples.toString(), "--out", dataset.toString());
        assertEquals(0, exported.exit(), exported.out() + exported.err());
        assertTrue(exported.out().contains("Exported 4 pairs to " + dataset), exported.out());
        assertKvasir(dataset, List.of("0000.png", "0001.png", "0002.png", "0003.png"));
        for (String folder : List.of("images", "masks")) {
            assertArrayEquals(Files.readAllBytes(samples.resolve(folder + "/0002.png")),
                    Files.readAllBytes(dataset.resolve(folder + "/0002.png")), folder);
        }
        assertEquals(List.of("dataset.json", "images", "manifest.csv", "masks"), names(dataset));

        List<List<String>> manifest = CsvTable.parse(Files.readString(dataset.resolve("manifest.csv")));
        assertEquals(COUNT + 1, manifest.size());
        List<String> header = manifest.get(0);
        assertEquals(List.of("images/0000.png", "masks/0000.png", "synthetic"), manifest.get(1).subList(0, 3));
        assertEquals("unreviewed", manifest.get(1).get(header.indexOf("review")));
        assertEquals("demo.singan", manifest.get(1).get(header.indexOf("model")));

        JsonNode json = new ObjectMapper().readTree(dataset.resolve("dataset.json").toFile());
        assertEquals(COUNT, json.path("count").asInt());
        assertEquals("samples", json.path("samples").asText());
        assertEquals(FileHash.sha256(TestData.smallImage()), json.path("sourceImage").path("sha256").asText());
        assertEquals("demo.singan", json.path("models").get(0).path("file").asText());
    }

    @Test
    void exportOfAGenerateFolderSaysWhatItCannotDo() throws Exception {
        Path model = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), model);
        Path samples = dir.resolve("samples");
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--count", "1", "--out",
                samples.toString()).exit());

        Path dataset = dir.resolve("dataset");
        expectRefused(CliRun.of("export", "--samples", samples.toString(), "--out", dataset.toString(), "--with-real"),
                "holds no real pair");
        expectRefused(CliRun.of("export", "--samples", samples.toString(), "--out", dataset.toString(), "--kept-only"),
                "are not reviewed");
        expectRefused(CliRun.of("export", "--samples", samples.toString(), "--out", samples.resolve("d").toString()),
                "it is part of the generated pairs' folder");
        expectRefused(CliRun.of("export", "--samples", dir.resolve("nothing").toString(), "--out", dataset.toString()),
                "holds no generated pairs");
        CliRun both = CliRun.of("export", "--samples", samples.toString(), "--project", dir.toString(), "--out",
                dataset.toString());
        assertEquals(UserErrors.USER_ERROR, both.exit());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        assertFalse(Files.exists(dataset), "nothing written");
    }

    private static void expectRefused(CliRun run, String message) {
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("Error: ") && run.err().contains(message), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    /** images/NAME.png (RGB) and masks/NAME.png (grey, only 0 and 255) of the same size. */
    private static void assertKvasir(Path folder, List<String> names) throws Exception {
        assertEquals(names, names(folder.resolve("images")));
        assertEquals(names, names(folder.resolve("masks")));
        for (String name : names) {
            BufferedImage image = ImageIO.read(folder.resolve("images").resolve(name).toFile());
            BufferedImage mask = ImageIO.read(folder.resolve("masks").resolve(name).toFile());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType(), name);
            assertEquals(image.getWidth(), mask.getWidth(), name);
            assertEquals(image.getHeight(), mask.getHeight(), name);
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int v = mask.getRaster().getSample(x, y, 0);
                    assertTrue(v == 0 || v == 255, name + " is binary: " + v);
                }
            }
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
