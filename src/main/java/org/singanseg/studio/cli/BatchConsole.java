package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.singanseg.studio.core.batch.BatchListener;
import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.batch.PairOutcome;
import org.singanseg.studio.core.batch.PairResult;
import org.singanseg.studio.core.gan.TrainingSettings;

/**
 * Batch progress on the terminal: a line when a pair starts and when it ends (what was done, its
 * seed, the time), {@link ConsoleProgress}'s per-scale bars while it trains, and the samples
 * written (counted in place on a terminal, once per pair otherwise).
 */
final class BatchConsole implements BatchListener {
    private final PrintStream out;
    private final boolean interactive;
    private final ConsoleProgress training;

    BatchConsole(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
        this.training = new ConsoleProgress(out, interactive);
    }

    @Override
    public void pairStarted(BatchPair pair, int number, int total) {
        out.printf("[%d/%d] %s%n", number, total, pair.name());
    }

    @Override
    public void trainingStarted(TrainingSettings settings, int[] heights, int[] widths, int[] networkWidths,
                                int firstScale) {
        out.printf("Training with seed %d.%n", settings.seed());
        training.trainingStarted(settings, heights, widths, networkWidths, firstScale);
    }

    @Override
    public void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
        training.scaleStarted(scale, height, width, networkWidth, iterations);
    }

    @Override
    public void iteration(IterationStats stats) {
        training.iteration(stats);
    }

    @Override
    public void scaleFinished(int scale, double seconds) {
        training.scaleFinished(scale, seconds);
    }

    @Override
    public void outputWritten(BatchPair pair, int done, int total) {
        if (interactive) {
            out.printf("\r  outputs %d/%d", done, total);
            out.print(done == total ? System.lineSeparator() : "");
            out.flush();
        }
    }

    @Override
    public void pairFinished(PairResult r) {
        out.printf(Locale.ROOT, "  %s: %s, %d sample%s written, seed %d, %s%n", r.pair().name(), what(r.outcome()),
                r.samplesWritten(), r.samplesWritten() == 1 ? "" : "s", r.seed(), ConsoleProgress.duration(r.seconds()));
    }

    @Override
    public void pairSkipped(BatchPair pair, String reason) {
        out.printf("  %s: skipped. %s%n", pair.name(), reason);
    }

    private static String what(PairOutcome outcome) {
        return switch (outcome) {
            case TRAINED -> "trained";
            case RESUMED -> "resumed from its checkpoint";
            case SAMPLED -> "model was complete, missing outputs made";
            case COMPLETE -> "already complete";
        };
    }
}
