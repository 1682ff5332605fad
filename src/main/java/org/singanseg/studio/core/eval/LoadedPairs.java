package org.singanseg.studio.core.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * Every pair of an evaluation, read once and kept at the network's size x size: each real pair is
 * used by many runs, and a 1920x1080 frame takes 25 MB as floats but 0.2 MB at 128 px. Masks may
 * be empty (a frame with no polyp is a valid training and test pair).
 */
final class LoadedPairs {
    private final Map<Path, TrainingPair> byImage = new HashMap<>();

    private LoadedPairs() {
    }

    /** @throws CancellationException when cancelled (checked before every pair) */
    static LoadedPairs load(EvaluationData data, int size, EvaluationListener listener, BooleanSupplier cancelled)
            throws InvalidInputException {
        LoadedPairs loaded = new LoadedPairs();
        int total = data.realPairs() + data.syntheticPairs() + data.test().size();
        for (BatchPair test : data.test()) {
            loaded.add(test.image(), test.mask(), "the test pair " + test.name(), size, cancelled);
            listener.pairsLoaded(loaded.byImage.size(), total);
        }
        for (SourceGroup group : data.groups()) {
            BatchPair real = group.real();
            loaded.add(real.image(), real.mask(), "the real pair " + real.name(), size, cancelled);
            listener.pairsLoaded(loaded.byImage.size(), total);
            for (SyntheticPair synthetic : group.synthetic()) {
                loaded.add(synthetic.image(), synthetic.mask(), "the synthetic pair " + synthetic.image().getFileName()
                        + " (made from " + synthetic.sourceImage() + ")", size, cancelled);
                listener.pairsLoaded(loaded.byImage.size(), total);
            }
        }
        return loaded;
    }

    private void add(Path image, Path mask, String what, int size, BooleanSupplier cancelled)
            throws InvalidInputException {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Evaluation cancelled");
        }
        try {
            byImage.put(image, TrainingPair.read(image, mask).resized(size, size));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Cannot use " + what + ": " + e.getMessage(), e);
        }
    }

    /** What the run trains on: its real pairs, then its synthetic pairs. */
    List<TrainingPair> training(EvaluationRun run) {
        return Stream.concat(run.trainingReal().stream().map(this::real),
                run.trainingSynthetic().stream().map(this::synthetic)).toList();
    }

    TrainingPair real(BatchPair pair) {
        return byImage.get(pair.image());
    }

    TrainingPair synthetic(SyntheticPair pair) {
        return byImage.get(pair.image());
    }
}
