package org.singanseg.studio.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.InvalidInputException;

/** Matching by base name, what is skipped and why, shards and pair seeds: no image is decoded. */
class BatchInputsTest {
    @TempDir
    Path dir;

    @Test
    void matchesByBaseNameAndListsEverythingElseWithAReason() throws Exception {
        Path images = touch("images", "abc.jpg", "def.png", "ghi.jpg", "lonely.jpg", "two.jpg", "twin.jpg", "twin.png",
                "notes.txt", ".DS_Store");
        Path masks = touch("masks", "abc.png", "def_MASK.jpg", "ghi-mask.png", "two.png", "two_mask.png",
                "orphan.png", "twin.png");
        BatchInputs inputs = BatchInputs.scan(images, masks);

        assertEquals(List.of(new BatchPair("abc", images.resolve("abc.jpg"), masks.resolve("abc.png")),
                new BatchPair("def", images.resolve("def.png"), masks.resolve("def_MASK.jpg")),
                new BatchPair("ghi", images.resolve("ghi.jpg"), masks.resolve("ghi-mask.png"))), inputs.pairs());
        Map<String, String> skipped = reasons(inputs);
        assertEquals(List.of("lonely.jpg", "notes.txt", "orphan.png", "twin", "two"), List.copyOf(skipped.keySet()));
        assertTrue(skipped.get("lonely.jpg").contains("no mask named lonely.*, lonely_mask.* or lonely-mask.*"),
                skipped.get("lonely.jpg"));
        assertTrue(skipped.get("notes.txt").contains("not an image"), skipped.get("notes.txt"));
        assertTrue(skipped.get("orphan.png").contains("no image"), skipped.get("orphan.png"));
        assertTrue(skipped.get("twin").contains("several images") && skipped.get("twin").contains("twin.jpg, twin.png"),
                skipped.get("twin"));
        assertTrue(skipped.get("two").contains("several masks") && skipped.get("two").contains("two.png, two_mask.png"),
                skipped.get("two"));
    }

    @Test
    void inOneFolderOnlySuffixedFilesAreMasks() throws Exception {
        Path both = touch("both", "abc.jpg", "abc_mask.png", "def.jpg");
        BatchInputs inputs = BatchInputs.scan(both, both);
        assertEquals(List.of(new BatchPair("abc", both.resolve("abc.jpg"), both.resolve("abc_mask.png"))), inputs.pairs());
        assertEquals(List.of("def.jpg"), List.copyOf(reasons(inputs).keySet()));
    }

    @Test
    void aMissingFolderIsAUserError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BatchInputs.scan(dir.resolve("nope"), dir));
        assertTrue(e.getMessage().contains("images folder"), e.getMessage());
    }

    @Test
    void shardsTakeEveryNthPairAndTogetherTakeEachOnce() {
        List<BatchPair> pairs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pairs.add(new BatchPair("p" + i, dir, dir));
        }
        assertEquals(List.of("p1", "p4"), Shard.parse("1/3").select(pairs).stream().map(BatchPair::name).toList());
        List<BatchPair> union = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            union.addAll(new Shard(k, 3).select(pairs));
        }
        assertEquals(pairs.size(), union.size());
        assertTrue(union.containsAll(pairs));
        assertEquals(pairs, Shard.ALL.select(pairs));
        assertEquals(List.of(), Shard.parse("9/10").select(pairs));
    }

    @Test
    void badShardsSayWhatIsExpected() {
        assertTrue(message("3/3").contains("0 to 2"), message("3/3"));
        assertTrue(message("0/0").contains("at least 1"), message("0/0"));
        for (String bad : new String[]{"1", "a/b", "-1/2", "1/2/3", ""}) {
            assertTrue(message(bad).contains("give k/N"), message(bad));
        }
        assertEquals(new Shard(2, 5), Shard.parse(" 2 / 5 "));
    }

    @Test
    void pairSeedsAreFixedByBaseSeedAndNameAndDiffer() {
        assertEquals(PairSeeds.of(1, "abc"), PairSeeds.of(1, "abc"));
        assertNotEquals(PairSeeds.of(1, "abc"), PairSeeds.of(1, "abd"));
        assertNotEquals(PairSeeds.of(1, "abc"), PairSeeds.of(2, "abc"));
        assertTrue(PairSeeds.of(-1, "abc") >= 0);
    }

    private static String message(String shard) {
        return assertThrows(IllegalArgumentException.class, () -> Shard.parse(shard)).getMessage();
    }

    private static Map<String, String> reasons(BatchInputs inputs) {
        return inputs.skipped().stream().collect(Collectors.toMap(SkippedInput::name, SkippedInput::reason,
                (a, b) -> a + " | " + b, java.util.LinkedHashMap::new));
    }

    private Path touch(String folder, String... names) throws Exception {
        Path path = Files.createDirectories(dir.resolve(folder));
        for (String name : names) {
            Files.writeString(path.resolve(name), name);
        }
        return path;
    }
}
