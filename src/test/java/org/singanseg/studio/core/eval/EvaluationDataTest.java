package org.singanseg.studio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.batch.BatchManifest;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.testing.EvaluationFolders;

/** Real pairs matched with the synthetic pairs their manifest says were made from them, and the refusals. */
class EvaluationDataTest {
    private static final int SOURCE_IMAGE = BatchManifest.COLUMNS.indexOf("source_image");
    private static final int SOURCE_SHA = BatchManifest.COLUMNS.indexOf("source_sha256");

    @TempDir
    Path dir;
    private EvaluationFolders.Folders folders;

    @BeforeEach
    void folders() throws Exception {
        folders = EvaluationFolders.create(dir, 3, 2);
    }

    @Test
    void groupsEachRealPairWithTheSyntheticPairsMadeFromItAndSkipsRealRows() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        List<String> realRow = new ArrayList<>(rows.get(1));
        realRow.set(BatchManifest.COLUMNS.indexOf("kind"), "real");
        rows.add(realRow);
        EvaluationFolders.writeManifest(folders, rows);
        Files.writeString(folders.realImages().resolve("notes.txt"), "not an image");

        EvaluationData data = EvaluationData.find(folders.real(), folders.synthetic(), null, 0);
        assertEquals(List.of("p1", "p2", "p3"), data.groups().stream().map(SourceGroup::name).toList());
        assertEquals(3, data.realPairs());
        assertEquals(6, data.syntheticPairs(), "the kind=real row is not a synthetic pair");
        for (SourceGroup group : data.groups()) {
            for (SyntheticPair pair : group.synthetic()) {
                assertEquals(group.real().image().getFileName().toString(), pair.sourceImage());
                assertTrue(Files.isRegularFile(pair.image()) && Files.isRegularFile(pair.mask()), pair.toString());
                assertTrue(pair.image().getFileName().toString().startsWith(group.name() + "_"));
            }
        }
        assertEquals(List.of("notes.txt"), data.skipped().stream().map(s -> s.name()).toList());
        assertEquals(data.groups(), EvaluationData.find(folders.realImages(), folders.realMasks(),
                folders.synthetic(), null, 0).groups(), "explicit images and masks folders");
    }

    @Test
    void refusesAFolderWithoutManifest() throws Exception {
        Files.delete(folders.manifest());
        String message = refusal();
        assertTrue(message.contains("no manifest.csv in " + folders.synthetic()), message);
        assertTrue(message.contains("train-batch output folder"), message);
    }

    @Test
    void refusesSyntheticPairsMadeFromImagesNotAmongTheRealPairs() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        List<String> stranger = new ArrayList<>(rows.get(1));
        stranger.set(SOURCE_IMAGE, "elsewhere.jpg");
        rows.add(stranger);
        EvaluationFolders.writeManifest(folders, rows);
        String message = refusal();
        assertTrue(message.contains("made from 1 image(s) that are not among the real pairs")
                && message.contains(": elsewhere.jpg."), message);
    }

    @Test
    void refusesARealImageThatIsNotTheFileTheSyntheticPairsWereMadeFrom() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        rows.get(3).set(SOURCE_SHA, "0".repeat(64));
        EvaluationFolders.writeManifest(folders, rows);
        String message = refusal();
        assertTrue(message.contains("The synthetic pairs of p2.jpg were made from other files"), message);
    }

    @Test
    void refusesRealPairsWithoutSyntheticPairs() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        rows.removeIf(r -> r.get(SOURCE_IMAGE).equals("p3.jpg"));
        EvaluationFolders.writeManifest(folders, rows);
        String message = refusal();
        assertTrue(message.contains("1 real pair(s) have no synthetic pairs") && message.contains(": p3.jpg."),
                message);
    }

    @Test
    void refusesAManifestThatIsNotTrainBatchs() throws Exception {
        Files.writeString(folders.manifest(), "file,label\r\na.png,1\r\n");
        assertTrue(refusal().contains("lacks the column(s) image, mask, kind, source_image, source_sha256"));
        Files.writeString(folders.manifest(), String.join(",", BatchManifest.COLUMNS) + "\r\n");
        assertTrue(refusal().contains("lists no synthetic pairs"));
    }

    /** A manifest from someone else: its paths must stay inside the synthetic folder. */
    @Test
    void refusesManifestPathsThatLeaveTheSyntheticFolder() throws Exception {
        List<List<String>> rows = EvaluationFolders.manifestRows(folders);
        Path outside = folders.synthetic().resolveSibling("outside.png");
        Files.copy(folders.synthetic().resolve(rows.get(2).get(0)), outside);
        rows.get(2).set(0, "images/../../outside.png");
        EvaluationFolders.writeManifest(folders, rows);
        String message = refusal();
        assertTrue(message.contains("Line 3 of " + folders.manifest()) && message.contains("'images/../../outside.png'"),
                message);
    }

    private String refusal() {
        return assertThrows(InvalidInputException.class,
                () -> EvaluationData.find(folders.real(), folders.synthetic(), null, 0)).getMessage();
    }
}
