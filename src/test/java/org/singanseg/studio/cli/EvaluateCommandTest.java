package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.eval.EvaluationCsv;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.testing.EvaluationFolders;

/**
 * evaluate end to end on 4 real pairs and mirrored "synthetic" ones (32 px, 1 epoch), with a U-Net
 * and (held out) with UNet++, and its exit codes.
 */
class EvaluateCommandTest {
    @TempDir
    Path dir;
    private EvaluationFolders.Folders folders;
    private Path csv;

    @BeforeEach
    void folders() throws Exception {
        folders = EvaluationFolders.create(dir, 4, 2);
        csv = dir.resolve("results/evaluation.csv");
    }

    @Test
    void printsTheTableAndWritesEvaluationCsv() throws Exception {
        CliRun run = evaluate("--seed", "3", "--unet-seed", "4");
        assertEquals(0, run.exit(), run.err() + run.out());
        String out = run.out();
        assertTrue(out.contains("4 real pairs with 8 synthetic pairs made from them (0 left out for a mask under 1.0% "
                + "of the image, or under half the real mask's share for a smaller polyp); 2 folds (split seed 3), "
                + "5 settings: 10 models"), out);
        assertTrue(out.contains("32x32 px") && out.contains("1 epochs") && out.contains(", augmented, seed 4"), out);
        assertTrue(out.contains("Fold 1 tests on ") && out.contains("Fold 2 tests on "), out);
        assertTrue(out.contains("[10/10] fold 2, 2 real + synthetic: training on 2 real + 4 synthetic pairs, "
                + "testing on 2"), out);
        for (String label : List.of("real only", "synthetic only", "real + synthetic", "2 real")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(label) && l.contains("mean +/- std")), label + "\n" + out);
        }
        assertTrue(out.contains("Written to " + csv.toAbsolutePath()), out);

        List<List<String>> rows = CsvTable.parse(Files.readString(csv));
        assertEquals(EvaluationCsv.COLUMNS, rows.get(0));
        assertEquals(21, rows.size());
        int seed = EvaluationCsv.COLUMNS.indexOf("split_seed");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(seed).equals("3") && r.get(seed + 1).equals("4")));
        int model = EvaluationCsv.COLUMNS.indexOf("model");
        assertTrue(out.contains("U-Net depth 4 width 16"), out);
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(model).equals("unet")), "the default model");
    }

    @Test
    void heldOutDrawsPrintTheHeadlineAndWriteTheThreeFiles() throws Exception {
        Path test = EvaluationFolders.testFolder(dir, folders, 3);
        CliRun run = evaluate("--test", test.toString(), "--repeats", "2", "--budget", "both", "--min-mask-area", "0",
                "--model", "unetpp", "--unet-seeds", "2", "--no-augment", "");
        assertEquals(0, run.exit(), run.err() + run.out());
        String out = run.out();
        assertTrue(out.contains("Each model: 32x32 px, UNet++ depth 4 width 16"), out);
        assertTrue(out.contains(", not augmented, "), out);
        assertTrue(out.contains("[12/12] draw 2, seed 1002, 2 real + synthetic: training on"), out);
        assertTrue(out.contains("4 real pairs with 8 synthetic pairs made from them (0 left out for a mask under 0.0% "
                + "of the image, or under half the real mask's share for a smaller polyp); 2 draws (split seed 1), "
                + "3 settings, 2 U-Net seeds each: 12 models"), out);
        assertTrue(out.contains("budget both, steps per model: 1"), "6 or 2 pairs in batches of 8, 1 epoch: " + out);
        assertTrue(out.contains("Draw 1: ") && out.contains("Draw 2: ") && out.contains("tested on the 3 test pairs"),
                out);
        for (String budget : List.of("steps", "epochs")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("Budget " + budget + ": Adding 4 synthetic pairs to 2 "
                    + "real ones ") && l.contains(" IoU from ") && l.contains("(95% CI ")
                    && l.contains("2 draws (2 U-Net seeds each)")), out);
        }
        assertTrue(out.contains("2 real, own epochs"), "the epochs baseline in the table: " + out);
        String summary = Files.readString(EvaluationCsv.summaryFile(csv));
        assertTrue(summary.contains("2 draws of 2 real pairs from 4 with synthetic pairs") && summary.contains(" Dice "),
                summary);
        assertTrue(summary.contains("UNet++ depth 4"), summary);
        List<List<String>> rows = CsvTable.parse(Files.readString(csv));
        int model = EvaluationCsv.COLUMNS.indexOf("model");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(model).equals("unetpp")), rows.toString());
        List<List<String>> images = CsvTable.parse(Files.readString(EvaluationCsv.imagesFile(csv)));
        assertEquals(EvaluationCsv.IMAGE_COLUMNS, images.get(0));
        assertEquals(1 + 12 * 3, images.size(), "2 draws x 2 seeds x 3 settings x 3 test images");
        int polyp = EvaluationCsv.IMAGE_COLUMNS.indexOf("polyp_share");
        assertTrue(images.stream().skip(1).allMatch(r -> Double.parseDouble(r.get(polyp)) > 0
                && Double.parseDouble(r.get(polyp)) < 1 && Double.parseDouble(r.get(polyp + 1)) >= 0
                && Double.parseDouble(r.get(polyp + 1)) <= 1), "each test polyp's share and the prediction's");
        int seed = EvaluationCsv.IMAGE_COLUMNS.indexOf("model_seed");
        assertEquals(List.of("1", "1001", "2", "1002"), images.stream().skip(1).map(r -> r.get(seed)).distinct()
                .toList());
    }

    @Test
    void userErrorsExitWithCodeTwoAndWriteNothing() throws Exception {
        Path test = EvaluationFolders.testFolder(dir, folders, 2);
        expectError("3 draws of 2 real pairs need 6 real pairs", "--test", test.toString(), "--repeats", "3");
        expectError("Unknown training budget 'days'", "--budget", "days");
        expectError("The budget 'both' needs a held-out test set (--test)", "--budget", "both");
        expectError("Unknown segmentation model 'nonsense'. Choose unet (", "--model", "nonsense");
        expectError("--min-mask-area must be a percentage", "--min-mask-area", "NaN");
        Files.copy(folders.realImages().resolve("p1.jpg"), test.resolve("images/same.jpg"));
        Files.copy(folders.realMasks().resolve("p1.jpg"), test.resolve("masks/same.jpg"));
        expectError("are also training images: same.jpg", "--test", test.toString());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        expectError("is a file, not a folder", "--out", file.resolve("evaluation.csv").toString());

        expectError("5-fold cross-validation needs at least 2 folds and at least as many real pairs", "--folds", "5", "--real-images", folders.realImages().toString(),
                "--real-masks", folders.realMasks().toString());
        expectError("The small-data setting takes 3 real pairs", "--small-n", "3");
        expectError("The size must be a multiple of 8", "--size", "30");
        expectError("epochs", "--epochs", "0");
        expectError("Invalid value for option '--folds'", "--folds", "three");
        expectError("either as --real DIR", "--real-images", folders.realImages().toString());
        expectError("is a folder", "--out", dir.toString());

        Files.delete(folders.realImages().resolve("p4.jpg"));
        expectError("made from 1 image(s) that are not among the real pairs of " + folders.realImages() + ": p4.jpg");

        Files.delete(folders.manifest());
        expectError("There is no manifest.csv in " + folders.synthetic());
    }

    private void expectError(String message, String... options) {
        CliRun run = evaluate(options);
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(message), message + " in: " + run.err());
        assertFalse(Files.exists(csv));
    }

    /**
     * evaluate on the test folders (--real, or --real-images when given), 2 folds, 32 px, 1 epoch,
     * small-n 2; options given as flag-value pairs replace these (a flag without a value with "").
     */
    private CliRun evaluate(String... options) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("--synthetic", folders.synthetic().toString());
        for (String[] pair : new String[][]{{"--folds", "2"}, {"--size", "32"}, {"--epochs", "1"}, {"--small-n", "2"},
                {"--out", csv.toString()}}) {
            args.put(pair[0], pair[1]);
        }
        for (int i = 0; i < options.length; i += 2) {
            args.put(options[i], options[i + 1]);
        }
        if (!args.containsKey("--real-images")) {
            args.put("--real", folders.real().toString());
        }
        List<String> line = new ArrayList<>(List.of("evaluate"));
        args.forEach((option, value) -> line.addAll(value.isEmpty() ? List.of(option) : List.of(option, value)));
        return CliRun.of(line.toArray(String[]::new));
    }
}
