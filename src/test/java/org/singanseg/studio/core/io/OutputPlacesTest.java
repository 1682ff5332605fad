package org.singanseg.studio.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPlacesTest {

    @Test
    void aCheckLeavesNothingBehind(@TempDir Path root) throws Exception {
        Path folder = root.resolve("out").resolve("images");
        OutputPlaces.checkFolder(folder);
        assertFalse(root.resolve("out").toFile().exists(), "the folders made for the check are removed");
    }

    /** Shards of one batch start at once and check the same new folders (as the Slurm test's tasks do). */
    @Test
    void shardsCheckingTheSameNewFolderAtOnceAllPass(@TempDir Path root) throws Exception {
        int shards = 4;
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int round = 0; round < 50; round++) {
            Path folder = root.resolve("run" + round).resolve("out").resolve("images");
            CyclicBarrier start = new CyclicBarrier(shards);
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        OutputPlaces.checkFolder(folder);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertEquals(List.of(), List.copyOf(failures));
    }
}
