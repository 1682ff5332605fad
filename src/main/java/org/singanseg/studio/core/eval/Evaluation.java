package org.singanseg.studio.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.seg.SegmentationMetrics;
import org.singanseg.studio.core.seg.SegmentationTrainer;
import org.singanseg.studio.core.seg.Segmenter;

/**
 * Runs an {@link EvaluationPlan}: reads every pair once, then, run by run, trains a U-Net on the
 * run's training pairs for the plan's steps and scores its predictions on the fold's held-out real
 * pairs (or on the held-out test set). Images and
 * masks are scored at the network's size (size x size, masks resized as for training), where the
 * network sees them; a run's score is the mean of its test pairs' scores.
 *
 * <p>Everything runs on the calling thread (the engine thread), with no JavaFX; the listener hears
 * progress and each result as it comes, and {@code cancelled} is checked before every pair read
 * and every training step.
 */
public final class Evaluation {
    private final EvaluationPlan plan;
    private final EvaluationListener listener;
    private final BooleanSupplier cancelled;

    public Evaluation(EvaluationPlan plan, EvaluationListener listener, BooleanSupplier cancelled) {
        this.plan = plan;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * @throws InvalidInputException when a pair cannot be read (the message names it)
     * @throws CancellationException when cancelled; the results so far reached the listener
     */
    public EvaluationResult run() throws InvalidInputException {
        int size = plan.options().segmentation().size();
        LoadedPairs pairs = LoadedPairs.load(plan.data(), size, listener, cancelled);
        List<RunResult> results = new ArrayList<>();
        List<EvaluationRun> runs = plan.runs();
        for (int i = 0; i < runs.size(); i++) {
            EvaluationRun run = runs.get(i);
            listener.runStarted(run, i + 1, runs.size());
            RunResult result = evaluate(run, pairs);
            results.add(result);
            listener.runFinished(result, i + 1, runs.size());
        }
        EvaluationData data = plan.data();
        return new EvaluationResult(plan.options(), data.heldOut(), data.realPairs(), data.syntheticPairs(),
                data.droppedSynthetic(), results);
    }

    private RunResult evaluate(EvaluationRun run, LoadedPairs pairs) {
        long start = System.nanoTime();
        int steps = plan.steps(run);
        Segmenter segmenter = new SegmentationTrainer(plan.segmentation(run),
                (epoch, epochs, loss) -> listener.epochFinished(run, epoch, epochs, loss), cancelled)
                .train(pairs.training(run), steps);
        List<RunResult.ImageScore> scores = new ArrayList<>();
        for (BatchPair test : run.test()) {
            TrainingPair truth = pairs.real(test);
            boolean[] predicted = segmenter.predict(truth.rgb());
            scores.add(new RunResult.ImageScore(test.name(), Masks.coverage(truth.mask()), Masks.coverage(predicted),
                    SegmentationMetrics.of(predicted, truth.mask())));
        }
        return new RunResult(run.setting(), run.fold(), run.unetSeed(),
                run.trainingReal().stream().map(BatchPair::name).sorted().toList(),
                run.trainingSynthetic().size(), steps, scores,
                SegmentationMetrics.mean(scores.stream().map(RunResult.ImageScore::metrics).toList()),
                (System.nanoTime() - start) / 1e9);
    }
}
