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
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.testing.Checkpoints;
import org.singanseg.studio.testing.TestData;
import org.singanseg.studio.testing.TinyModels;

/**
 * A project from the command line, with real files: {@code train --project} makes a project the
 * app opens, trained; {@code generate --project} fills its gallery; {@code export --project}
 * exports it. Bad combinations get one line and exit code 2, and write nothing.
 */
class ProjectCommandsTest {
    @TempDir
    Path dir;

    @Test
    void trainGenerateAndExportAProject() throws Exception {
        Path folder = dir.resolve("polyp");
        CliRun trained = CliRun.of(train("--project", folder.toString(), "--image", TestData.smallImage().toString(),
                "--mask", TestData.smallMask().toString()));
        assertEquals(0, trained.exit(), trained.out() + trained.err());
        assertTrue(trained.out().contains("Made the project " + folder), trained.out());
        assertTrue(trained.out().contains("Model saved to " + folder.resolve("models/model.singan")), trained.out());

        // What the app opens: the image as RGB PNG, the given mask, and a finished model of exactly those files.
        Project project = ProjectStore.open(folder);
        assertEquals("polyp", project.name());
        assertEquals(TestData.smallImage().getFileName().toString(), project.sourceFileName());
        TestData.Size size = TestData.Size.of(TestData.smallImage());
        assertEquals(size, TestData.Size.of(project.imageFile()));
        assertArrayEquals(MaskFiles.read(TestData.smallMask()).toBooleans(), ProjectStore.loadMask(project).toBooleans());
        ModelFile.Description model = ModelFile.describe(project.modelFile());
        assertTrue(model.complete());
        assertEquals(FileHash.sha256(project.imageFile()), model.source().imageSha256());
        assertEquals(FileHash.sha256(project.maskFile()), model.source().maskSha256());

        CliRun generated = CliRun.of("generate", "--project", folder.toString(), "--count", "3", "--seed", "5");
        assertEquals(0, generated.exit(), generated.out() + generated.err());
        assertTrue(generated.out().contains("Added 3 pairs to the gallery of the project polyp (3 in all"),
                generated.out());
        CliRun more = CliRun.of("generate", "--project", folder.toString(), "--count", "2", "--start-scale", "1");
        assertEquals(0, more.exit(), more.out() + more.err());

        SampleCatalog catalog = SampleCatalog.open(project.samplesFolder());
        List<SampleRecord> records = catalog.records();
        assertEquals(5, records.size());
        for (SampleRecord record : records) {
            assertEquals("model.singan", record.model());
            assertTrue(Files.isRegularFile(catalog.imageFile(record.name())), record.name());
            assertTrue(Files.isRegularFile(catalog.maskFile(record.name())), record.name());
            assertTrue(Files.isRegularFile(catalog.thumbnailFile(record.name())), record.name());
            assertTrue(record.patchDistance() > 0 && Double.isFinite(record.patchDistance()), record.toString());
        }
        assertEquals(List.of(5L, 5L, 5L), records.stream().filter(r -> r.startScale() == 0).map(SampleRecord::seed)
                .toList());
        assertEquals(List.of(0L, 1L, 2L), records.stream().filter(r -> r.startScale() == 0).map(SampleRecord::index)
                .toList());

        Path dataset = dir.resolve("dataset");
        CliRun exported = CliRun.of("export", "--project", folder.toString(), "--out", dataset.toString());
        assertEquals(0, exported.exit(), exported.out() + exported.err());
        assertTrue(exported.out().contains("Exported 5 pairs to " + dataset), exported.out());
        assertEquals(5, names(dataset.resolve("images")).size());
        assertEquals(names(dataset.resolve("images")), names(dataset.resolve("masks")));
    }

    @Test
    void trainsAnExistingProjectAndResumesItsCheckpoint() throws Exception {
        Project project = appProject(dir.resolve("made in the app"));
        Checkpoints.afterOneScale(project.imageFile(), project.maskFile(), project.modelFile());
        CliRun generateTooEarly = CliRun.of("generate", "--project", project.folder().toString(), "--count", "1");
        expectRefused(generateTooEarly, "not fully trained");

        CliRun again = CliRun.of(train("--project", project.folder().toString()));
        expectRefused(again, project.modelFile() + " already exists. Add --resume to continue its training or --force");
        CliRun resumed = CliRun.of(train("--project", project.folder().toString(), "--resume"));
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Resuming after 1 finished scale."), resumed.out());
        assertFalse(resumed.out().contains("Scale 1/2:"), "the finished scale is not trained again: " + resumed.out());
        assertTrue(ModelFile.describe(project.modelFile()).complete());

        CliRun done = CliRun.of(train("--project", project.folder().toString(), "--resume"));
        expectRefused(done, "cannot be resumed. It is fully trained (2 scales).");
        CliRun replaced = CliRun.of(train("--project", project.folder().toString(), "--force"));
        assertEquals(0, replaced.exit(), replaced.out() + replaced.err());
    }

    @Test
    void badCombinationsAndFoldersAreRefusedWithoutWritingAnything() throws Exception {
        String image = TestData.smallImage().toString();
        String mask = TestData.smallMask().toString();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        expectRefused(CliRun.of(train("--project", other.toString(), "--image", image, "--mask", mask)),
                "The folder " + other.toAbsolutePath() + " is not empty");
        expectRefused(CliRun.of(train("--project", other.toString())), "is not a SinGAN-Seg Studio project");
        assertEquals(List.of("notes.txt"), names(other));

        Project project = appProject(dir.resolve("project"));
        expectRefused(CliRun.of(train("--project", project.folder().toString(), "--image", image, "--mask", mask)),
                "is a project already. Leave out --image and --mask");
        expectRefused(CliRun.of(train("--project", project.folder().toString(), "--mask", mask)),
                "--mask goes with --image");
        expectRefused(CliRun.of(train("--project", project.folder().toString(), "--out",
                dir.resolve("m.singan").toString())), "--project and --out cannot be used together");
        expectRefused(CliRun.of(train("--image", image, "--mask", mask)), "train needs --image (with --mask) and --out");

        Path fresh = dir.resolve("fresh");
        TestData.Size size = TestData.Size.of(TestData.smallImage());
        Path empty = dir.resolve("empty.png");
        ImageIO.write(new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_BYTE_GRAY), "png", empty.toFile());
        expectRefused(CliRun.of(train("--project", fresh.toString(), "--image", image, "--mask", empty.toString())),
                "The mask is empty");
        assertFalse(Files.exists(fresh), "no project is made from a pair that cannot train");

        String folder = project.folder().toString();
        expectRefused(CliRun.of("generate", "--project", folder), "The project project has no model yet");
        expectRefused(CliRun.of("generate", "--project", other.toString()), "is not a SinGAN-Seg Studio project");
        expectRefused(CliRun.of("generate", "--project", folder, "--out", dir.resolve("s").toString()),
                "leave out --model and --out");
        expectRefused(CliRun.of("generate", "--count", "2"), "generate needs --model and --out, or --project DIR.");
        ModelFile.save(TinyModels.trained(), project.modelFile());
        expectRefused(CliRun.of("generate", "--project", folder, "--count", "0"), "between 1 and 10000");
        expectRefused(CliRun.of("generate", "--project", folder, "--start-scale", "9"), "Start scale must be between 0");
        assertFalse(Files.exists(project.samplesFolder()), "nothing added to the gallery");
        assertFalse(Files.exists(dir.resolve("s")));
    }

    /** A project as the app's New Project makes it, with its mask imported. */
    private static Project appProject(Path folder) throws Exception {
        Project project = ProjectStore.create(TestData.smallImage(), folder).project();
        ProjectStore.saveMask(project, MaskFiles.read(TestData.smallMask()));
        return project;
    }

    private static void expectRefused(CliRun run, String message) {
        assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("Error: ") && run.err().contains(message), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }

    private static String[] train(String... args) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(Arrays.asList(args));
        all.addAll(Arrays.asList(TinyModels.MINIMAL_OPTIONS));
        return all.toArray(String[]::new);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
