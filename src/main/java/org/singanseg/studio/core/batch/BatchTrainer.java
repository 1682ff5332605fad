package org.singanseg.studio.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.OutputPlaceException;
import org.singanseg.studio.core.io.OutputPlaces;

/**
 * Makes a synthetic dataset from many real pairs: one model per pair, then its samples, into the
 * layout of {@link BatchLayout}, and finally the manifest over everything in the output folder.
 * The command line's {@code train-batch} and the app's Dataset action both drive it.
 *
 * <p>Resumable at any point: a rerun skips pairs whose outputs are complete, resumes a half-trained
 * model from its last finished scale and writes only missing samples (see {@link PairJob}). A pair
 * that cannot be used is reported to the listener and skipped; the batch goes on. Runs on the
 * calling thread.
 */
public final class BatchTrainer {
    private final BatchOptions options;
    private final BatchLayout layout;
    private final BatchListener listener;
    private final BooleanSupplier cancelled;
    private final PairJob job;

    /**
     * @param cancelled checked between pairs, training iterations and samples; when true, the pair in work
     *                  keeps its checkpoint and the outputs written so far, and {@link #run} throws
     *                  {@link CancellationException} once the manifest is rebuilt
     */
    public BatchTrainer(BatchOptions options, BatchListener listener, BooleanSupplier cancelled) {
        this.options = options;
        this.layout = new BatchLayout(options.out());
        this.listener = listener;
        this.cancelled = cancelled;
        this.job = new PairJob(options, layout, listener, cancelled);
    }

    /**
     * Brings every given pair to complete, in order.
     *
     * @param pairs e.g. {@link BatchInputs#pairs()}, or one {@link Shard}'s part of them
     * @throws InvalidInputException the output folder is a file, cannot be written here (read-only, no
     *                               permission), or its images/ or masks/ is an input folder; nothing is trained
     * @throws CancellationException when cancelled (the manifest is rebuilt first)
     * @throws Exception             what the disk or the engine throws (a full disk, ...): it stops the batch
     */
    public BatchSummary run(List<BatchPair> pairs) throws Exception {
        checkOutputFolder(pairs);
        long start = System.nanoTime();
        List<PairResult> results = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        try {
            for (int i = 0; i < pairs.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Stopped before pair " + (i + 1) + " of " + pairs.size() + ".");
                }
                BatchPair pair = pairs.get(i);
                listener.pairStarted(pair, i + 1, pairs.size());
                try {
                    PairResult result = job.run(pair);
                    results.add(result);
                    listener.pairFinished(result);
                } catch (InvalidInputException e) {
                    skipped.add(new SkippedInput(pair.name(), e.getMessage()));
                    listener.pairSkipped(pair, e.getMessage());
                }
            }
        } catch (CancellationException e) {
            BatchManifest.rebuild(layout);
            throw e;
        }
        int manifestRows = BatchManifest.rebuild(layout);
        return new BatchSummary(results, skipped, manifestRows, (System.nanoTime() - start) / 1e9);
    }

    /** A folder, and not one of the inputs: a rerun would take the samples written there for real pairs. */
    private void checkOutputFolder(List<BatchPair> pairs) throws InvalidInputException {
        if (Files.exists(options.out()) && !Files.isDirectory(options.out())) {
            throw new InvalidInputException("The output folder " + options.out() + " is a file. Choose a folder.");
        }
        for (BatchPair pair : pairs) {
            for (Path input : List.of(pair.image(), pair.mask())) {
                if (layout.isOutputFolder(input.getParent())) {
                    throw new InvalidInputException("The output folder " + options.out() + " would write its "
                            + "samples into the input folder " + input.getParent() + ". Choose another output folder.");
                }
            }
        }
        checkWritable();
    }

    /**
     * The output folder and each of its folders must take files, so that a folder this machine
     * cannot write (a read-only mount on one node of a cluster, no permission, a full disk) stops the
     * batch with a message before any training, not with a stack trace after a scale.
     */
    private void checkWritable() throws InvalidInputException {
        for (Path folder : List.of(options.out(), layout.modelsFolder(), layout.file(BatchLayout.IMAGES),
                layout.file(BatchLayout.MASKS))) {
            try {
                OutputPlaces.checkFolder(folder);
            } catch (OutputPlaceException e) {
                throw new InvalidInputException(e.getMessage() + " train-batch needs its output folder writable "
                        + "wherever it runs (on a cluster: mounted read-write on every node, for this user). Nothing "
                        + "was trained.", e);
            }
        }
    }
}
