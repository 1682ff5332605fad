package org.singanseg.studio.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.io.CsvTable;

/** Records from someone else's output folder: their paths must stay inside it. */
class PairRecordTest {
    @TempDir
    Path dir;

    @Test
    void aRecordWhosePathsLeaveTheOutputFolderIsNotUsed() throws Exception {
        BatchLayout layout = new BatchLayout(dir.resolve("out"));
        Files.createDirectories(layout.modelsFolder());
        Files.writeString(dir.resolve("outside.png"), "not ours");
        Files.writeString(layout.record("a"), record("images/a_0001.png", "masks/a_0001.png"));
        Files.writeString(layout.record("b"), record("images/../../outside.png", "masks/../../outside.png"));
        for (String file : List.of("images/a_0001.png", "masks/a_0001.png")) {
            Files.createDirectories(layout.file(file).getParent());
            Files.writeString(layout.file(file), "png");
        }

        assertNotNull(PairRecord.read(layout.record("a")));
        assertNull(PairRecord.read(layout.record("b")));
        assertEquals(1, BatchManifest.rebuild(layout));
        List<List<String>> rows = CsvTable.parse(Files.readString(layout.manifest()));
        assertEquals("images/a_0001.png", rows.get(1).get(0));
        assertThrows(IllegalArgumentException.class, () -> layout.file("images/../../outside.png"));
        assertThrows(IllegalArgumentException.class, () -> layout.model("../a"));
    }

    private static String record(String image, String mask) {
        return """
                {"format": "singan-seg-studio-batch-pair", "formatVersion": 1, "name": "a", "sourceImage": "a.jpg",
                 "sourceMask": "a.png", "imageSha256": "00", "maskSha256": "11", "seed": 1,
                 "model": "models/a.singan", "real": null,
                 "samples": [{"index": 1, "startScale": 0, "image": "%s", "mask": "%s", "width": 4, "height": 3,
                              "maskCoverage": 0.5}]}
                """.formatted(image, mask);
    }
}
