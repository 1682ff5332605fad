package org.singanseg.studio.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.batch.BatchManifest;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.io.CsvTable;

/**
 * Folders for evaluation tests, without training any GAN: {@code real/images} and
 * {@code real/masks} with small PolypGen frames (the demo pair where they are absent), and
 * {@code synthetic/}, a fake train-batch output: per real pair, {@code samples} pairs that are the
 * real one shrunk to 64x48 and mirrored, in {@code images/} and {@code masks/}, listed in a
 * {@code manifest.csv} with train-batch's columns.
 */
public final class EvaluationFolders {
    /** The frames, smallest first (384x288 to 720x576), or the demo pair for each without the shared folder. */
    private static final String[] FRAMES = {"EndoCV2021_C5_50000128.jpg", "EndoCV2021_001327.jpg",
            "C3_EndoCV2021_00482.jpg", "C3_EndoCV2021_00483.jpg"};
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    /** The real folder (with images/ and masks/) and the synthetic folder. */
    public record Folders(Path real, Path synthetic) {
        public Path realImages() {
            return real.resolve("images");
        }

        public Path realMasks() {
            return real.resolve("masks");
        }

        public Path manifest() {
            return synthetic.resolve(BatchManifest.FILE);
        }
    }

    private EvaluationFolders() {
    }

    /** @param pairs real pairs, 1 to 4, named p1.jpg, p2.jpg, ... */
    public static Folders create(Path dir, int pairs, int samples) throws Exception {
        Folders folders = new Folders(dir.resolve("real"), dir.resolve("synthetic"));
        Files.createDirectories(folders.realImages());
        Files.createDirectories(folders.realMasks());
        Files.createDirectories(folders.synthetic().resolve("images"));
        Files.createDirectories(folders.synthetic().resolve("masks"));
        CsvTable manifest = new CsvTable(BatchManifest.COLUMNS);
        for (int p = 1; p <= pairs; p++) {
            String name = "p" + p;
            Path image = folders.realImages().resolve(name + ".jpg");
            Files.copy(TestData.frame(FRAMES[p - 1], "images"), image);
            Files.copy(TestData.frame(FRAMES[p - 1], "masks"), folders.realMasks().resolve(name + ".jpg"));
            TrainingPair small = TrainingPair.read(image, folders.realMasks().resolve(name + ".jpg"))
                    .resized(HEIGHT, WIDTH);
            for (int s = 1; s <= samples; s++) {
                String output = String.format("%s_%04d.png", name, s);
                boolean[] mask = mirrored(small.mask(), s);
                PngFiles.write(PngFiles.rgb(mirrored(small.rgb(), s)), folders.synthetic().resolve("images/" + output));
                PngFiles.write(PngFiles.mask(mask, WIDTH, HEIGHT), folders.synthetic().resolve("masks/" + output));
                manifest.row(List.of("images/" + output, "masks/" + output, "synthetic", name + ".jpg", name + ".jpg",
                        FileHash.sha256(image), "7", Integer.toString(s), "0", "0", Integer.toString(WIDTH),
                        Integer.toString(HEIGHT), "0.1", "models/" + name + ".singan"));
            }
        }
        Files.write(folders.manifest(), manifest.bytes());
        return folders;
    }

    private static Planes mirrored(Planes planes, int sample) {
        float[][] data = new float[planes.channels()][HEIGHT * WIDTH];
        for (int c = 0; c < data.length; c++) {
            for (int i = 0; i < data[c].length; i++) {
                data[c][i] = planes.plane(c)[source(i, sample)];
            }
        }
        return new Planes(planes.channels(), HEIGHT, WIDTH, data);
    }

    private static boolean[] mirrored(boolean[] mask, int sample) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask[source(i, sample)];
        }
        return out;
    }

    /** Where pixel i of a sample comes from: odd samples mirrored left to right, even ones top to bottom. */
    private static int source(int i, int sample) {
        int y = i / WIDTH;
        int x = i % WIDTH;
        return sample % 2 == 1 ? y * WIDTH + WIDTH - 1 - x : (HEIGHT - 1 - y) * WIDTH + x;
    }

    /**
     * A held-out test folder ({@code images/} + {@code masks/}) of {@code count} pairs t1.png, t2.png, ...:
     * the real frames (cycling) shrunk to 80x60, so no test image has the bytes of a training image.
     */
    public static Path testFolder(Path dir, Folders folders, int count) throws Exception {
        Path test = dir.resolve("test");
        Files.createDirectories(test.resolve("images"));
        Files.createDirectories(test.resolve("masks"));
        List<Path> reals;
        try (var files = Files.list(folders.realImages())) {
            reals = files.sorted().toList();
        }
        for (int t = 1; t <= count; t++) {
            Path image = reals.get((t - 1) % reals.size());
            TrainingPair small = TrainingPair.read(image, folders.realMasks().resolve(image.getFileName()))
                    .resized(60, 80);
            PngFiles.write(PngFiles.rgb(small.rgb()), test.resolve("images/t" + t + ".png"));
            PngFiles.write(PngFiles.mask(small.mask(), 80, 60), test.resolve("masks/t" + t + ".png"));
        }
        return test;
    }

    /** Rows of the manifest, header first, to change and write back. */
    public static List<List<String>> manifestRows(Folders folders) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        CsvTable.parse(Files.readString(folders.manifest())).forEach(r -> rows.add(new ArrayList<>(r)));
        return rows;
    }

    /** Replaces the manifest with these rows, header first. */
    public static void writeManifest(Folders folders, List<List<String>> rows) throws Exception {
        CsvTable csv = new CsvTable(rows.get(0));
        rows.subList(1, rows.size()).forEach(csv::row);
        Files.write(folders.manifest(), csv.bytes());
    }
}
