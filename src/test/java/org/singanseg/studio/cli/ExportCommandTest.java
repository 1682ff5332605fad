package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.testing.SampleProjects;

/** {@code export} end to end on a project with hand-made samples: files, exit codes and messages. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsAndRefusesToOverwriteUnlessAsked() throws Exception {
        Project project = SampleProjects.create(dir.resolve("project"), 4);
        SampleCatalog catalog = SampleCatalog.open(project.samplesFolder());
        catalog.setReview(List.of(catalog.records().get(2).name()), Review.KEPT);
        catalog.save();
        Path out = dir.resolve("dataset");
        String[] export = {"export", "--project", project.folder().toString(), "--out", out.toString(),
                "--kept-only", "--with-real"};

        CliRun first = CliRun.of(export);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("2/2 pairs"), first.out());
        assertTrue(first.out().contains("Exported 1 kept pair and the real pair to " + out), first.out());
        assertEquals(List.of("real.png", "syn_00003.png"), names(out.resolve("masks")));
        assertTrue(Files.isRegularFile(out.resolve("manifest.csv")) && Files.isRegularFile(out.resolve("dataset.json")));

        CliRun again = CliRun.of(export);
        assertEquals(UserErrors.USER_ERROR, again.exit());
        assertTrue(again.err().startsWith("Error: " + out + " exists already"), again.err());
        assertTrue(again.err().contains("--overwrite"), again.err());

        // As in the app: once a pair is kept, only the kept pairs unless asked for all.
        CliRun byDefault = CliRun.of("export", "--project", project.folder().toString(), "--out", out.toString(),
                "--overwrite");
        assertEquals(0, byDefault.exit(), byDefault.err());
        assertTrue(byDefault.out().contains("Exported 1 kept pair to " + out), byDefault.out());
        assertEquals(List.of("syn_00003.png"), names(out.resolve("images")));

        CliRun all = CliRun.of("export", "--project", project.folder().toString(), "--out", out.toString(),
                "--overwrite", "--no-kept-only");
        assertEquals(0, all.exit(), all.err());
        assertEquals(4, names(out.resolve("images")).size());

        CliRun zip = CliRun.of("export", "--project", project.folder().toString(), "--out", out.toString(), "--zip",
                "--no-kept-only");
        assertEquals(0, zip.exit(), zip.err());
        assertTrue(zip.out().contains("Exported 4 pairs to " + out + ".zip"), zip.out());
        assertEquals(List.of("dataset", "dataset.zip", "project"), names(dir));
    }

    @Test
    void userErrorsExitWithCodeTwoAndAMessage() throws Exception {
        CliRun notProject = CliRun.of("export", "--project", dir.toString(), "--out", dir.resolve("d").toString());
        assertEquals(UserErrors.USER_ERROR, notProject.exit());
        assertTrue(notProject.err().contains("is not a SinGAN-Seg Studio project"), notProject.err());

        Project project = SampleProjects.create(dir.resolve("project"), 2);
        CliRun noneKept = CliRun.of("export", "--project", project.folder().toString(), "--out",
                dir.resolve("d").toString(), "--kept-only");
        assertEquals(UserErrors.USER_ERROR, noneKept.exit());
        assertTrue(noneKept.err().contains("marked as kept"), noneKept.err());
        assertFalse(noneKept.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("d")));
    }

    /**
     * A project from someone else whose catalog names a sample "../../slipped/x" (its files exist and it comes after a plain one,
     * so the catalog keeps it): neither export may write outside its target, and both say why.
     */
    @Test
    void aSampleNameThatLeavesItsFolderIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Project project = SampleProjects.create(dir.resolve("project"), 2);
        Path catalogFile = project.samplesFolder().resolve(SampleCatalog.FILE);
        Files.writeString(catalogFile, Files.readString(catalogFile).replace("syn_00002", "../../slipped/x"));
        Files.createDirectories(project.folder().resolve("slipped"));
        Files.copy(project.maskFile(), project.folder().resolve("slipped/x.png"));
        Path exports = Files.createDirectories(dir.resolve("exports"));

        for (String[] zip : List.of(new String[0], new String[]{"--zip"})) {
            List<String> args = new java.util.ArrayList<>(List.of("export", "--project", project.folder().toString(),
                    "--out", exports.resolve("dataset").toString()));
            args.addAll(List.of(zip));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(UserErrors.USER_ERROR, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("'../../slipped/x'"), run.err());
            assertTrue(run.err().contains(catalogFile.toString()), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace");
            assertEquals(List.of(), names(exports), "nothing in or beside the target");
            assertEquals(List.of("exports", "project"), names(dir), "nothing outside the target's folder");
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
