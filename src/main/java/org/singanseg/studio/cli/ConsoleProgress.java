package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.gan.TrainingSettings;

/**
 * Training progress on the terminal: one progress bar per scale with the latest losses, redrawn in
 * place on a terminal, or a line every 10% when the output is a file or a CI log.
 */
final class ConsoleProgress implements TrainingListener {
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean interactive;
    private int scales;
    private long lastDraw;
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void trainingStarted(TrainingSettings settings, int[] heights, int[] widths, int[] networkWidths,
                                int firstScale) {
        scales = heights.length;
        if (firstScale > 0) {
            out.printf("Resuming after %d finished scale%s.%n", firstScale, firstScale == 1 ? "" : "s");
        }
    }

    @Override
    public void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
        lastDecile = -1;
        out.printf(Locale.ROOT, "Scale %d/%d: %dx%d px, width %d%n", scale + 1, scales, width, height, networkWidth);
    }

    @Override
    public void iteration(IterationStats s) {
        int done = s.iteration() + 1;
        boolean last = done == s.iterations();
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < 200_000_000L && !last) {
                return;
            }
            lastDraw = now;
            out.print("\r" + line(s) + (last ? System.lineSeparator() : ""));
        } else {
            int decile = done * 10 / s.iterations();
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line(s));
            }
        }
        out.flush();
    }

    @Override
    public void scaleFinished(int scale, double seconds) {
        out.printf(Locale.ROOT, "Scale %d/%d done in %s; checkpoint saved.%n", scale + 1, scales, duration(seconds));
    }

    private static String line(IterationStats s) {
        int done = s.iteration() + 1;
        int filled = done * BAR / s.iterations();
        return String.format(Locale.ROOT,
                "  [%s%s] %d/%d  D real %.3f fake %.3f gp %.3f  G adv %.3f rec %.4f  %.2f s/it  left %s",
                "#".repeat(filled), " ".repeat(BAR - filled), done, s.iterations(), s.criticReal(), s.criticFake(),
                s.penalty(), s.generatorAdversarial(), s.reconstruction(), s.secondsPerIteration(),
                duration(s.secondsLeft()));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
