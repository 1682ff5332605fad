package org.singanseg.studio.core.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.InvalidModelException;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.model.ResumeDecision;

/**
 * Brings one pair's outputs to complete, doing only what is missing: trains its model (saved
 * after every scale), or resumes an unfinished one from that checkpoint, or keeps a complete one
 * ({@link ResumeDecision}); then writes the missing outputs. A complete model is recognised from
 * its descriptor alone, so a rerun over finished pairs reads no weights.
 *
 * <p>A pair that cannot be used ends in an {@link InvalidInputException} whose message says why and
 * what to do: an unreadable file, a mask of another size, an empty or full mask, an image too small
 * for the settings, or a model in the output folder that is damaged, was made from other files or
 * was started with other settings (never overwritten: it may be someone's work).
 */
final class PairJob {
    private final BatchOptions options;
    private final BatchLayout layout;
    private final BatchListener listener;
    private final BooleanSupplier cancelled;
    private final PairOutputs outputs;

    PairJob(BatchOptions options, BatchLayout layout, BatchListener listener, BooleanSupplier cancelled) {
        this.options = options;
        this.layout = layout;
        this.listener = listener;
        this.cancelled = cancelled;
        this.outputs = new PairOutputs(layout, options, listener, cancelled);
    }

    PairResult run(BatchPair pair) throws Exception {
        long start = System.nanoTime();
        String imageSha256 = sha256(pair.image());
        String maskSha256 = sha256(pair.mask());
        Path modelFile = layout.model(pair.name());
        TrainingSettings settings = options.settings().toBuilder()
                .seed(PairSeeds.of(options.settings().seed(), pair.name())).build();
        ModelFile.Description existing = Files.exists(modelFile) ? describe(modelFile) : null;
        ResumeDecision decision = existing == null ? null
                : ResumeDecision.of(existing, imageSha256, maskSha256, settings);

        if (decision != null && decision.action() == ResumeDecision.Action.START_OVER) {
            throw new InvalidInputException(modelFile + " is not continued. " + decision.reason() + " Delete it, "
                    + "with its record (.json) and samples, to train this pair again.");
        }
        if (decision != null && decision.action() == ResumeDecision.Action.DONE) {
            long seed = existing.settings().seed();
            PairRecord old = PairRecord.read(layout.record(pair.name()));
            PairRecord record = old != null && old.matches(imageSha256, maskSha256, seed) ? old
                    : PairRecord.empty(pair, imageSha256, maskSha256, seed);
            if (outputs.complete(record)) {
                return new PairResult(pair, PairOutcome.COMPLETE, seed, 0, seconds(start));
            }
            int written = outputs.write(pair, record, load(modelFile), outputs.needsReal(record) ? load(pair) : null);
            return new PairResult(pair, PairOutcome.SAMPLED, seed, written, seconds(start));
        }

        TrainingPair training = load(pair);
        SinGanModel checkpoint = decision == null ? null : load(modelFile);
        checkSize(training, settings);
        SourceInfo source = new SourceInfo(pair.image().getFileName().toString(), imageSha256, maskSha256,
                training.width(), training.height(), training.coverage());
        SinGanModel model = new Trainer(settings, listener, cancelled)
                .train(training, source, checkpoint, m -> ModelFile.save(m, modelFile));
        // A new model's outputs start afresh: any old record belongs to another model.
        PairRecord record = PairRecord.empty(pair, imageSha256, maskSha256, settings.seed());
        int written = outputs.write(pair, record, model, training);
        return new PairResult(pair, checkpoint == null ? PairOutcome.TRAINED : PairOutcome.RESUMED, settings.seed(),
                written, seconds(start));
    }

    private static ModelFile.Description describe(Path modelFile) throws InvalidInputException {
        try {
            return ModelFile.describe(modelFile);
        } catch (InvalidModelException e) {
            throw damaged(modelFile, e);
        }
    }

    private static SinGanModel load(Path modelFile) throws InvalidInputException {
        try {
            return ModelFile.load(modelFile);
        } catch (InvalidModelException e) {
            throw damaged(modelFile, e);
        }
    }

    private static TrainingPair load(BatchPair pair) throws InvalidInputException {
        return TrainingPair.load(pair.image(), pair.mask());
    }

    private static InvalidInputException damaged(Path modelFile, InvalidModelException e) {
        return new InvalidInputException(e.getMessage() + " (Delete " + modelFile + " to train this pair again.)", e);
    }

    /** The pyramid must fit the image (a wide image may be too low for the max size). */
    private static void checkSize(TrainingPair pair, TrainingSettings settings) throws InvalidInputException {
        try {
            Trainer.plan(settings, pair.height(), pair.width());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws InvalidInputException {
        try {
            return FileHash.sha256(file);
        } catch (IOException e) {
            throw new InvalidInputException(file.getFileName() + " cannot be read (" + e.getMessage()
                    + "). Check that it exists and its permissions.", e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
