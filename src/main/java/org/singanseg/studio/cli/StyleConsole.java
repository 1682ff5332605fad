package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.singanseg.studio.core.style.FolderStyler;
import org.singanseg.studio.core.style.StyleInput;
import org.singanseg.studio.core.style.StyleLosses;

/**
 * Style-transfer progress on the terminal: a line per image, and on a terminal its steps with the
 * losses, redrawn in place at most five times a second.
 */
final class StyleConsole implements FolderStyler.Listener {
    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;

    StyleConsole(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void imageStarted(int index, int count, StyleInput input) {
        out.printf(Locale.ROOT, "[%d/%d] %s%s%n", index + 1, count, input.image().getFileName(),
                input.mask() == null ? " (no mask)" : "");
    }

    @Override
    public void step(int step, int steps, StyleLosses losses) {
        long now = System.nanoTime();
        if (!interactive || Double.isNaN(losses.total()) || (now - lastDraw < 200_000_000L && step < steps)) {
            return;
        }
        lastDraw = now;
        out.printf(Locale.ROOT, "\r  step %d/%d  content %.4g  style %.4g", step, steps, losses.content(), losses.style());
        out.flush();
    }

    @Override
    public void imageFinished(int index, int count, StyleInput input, double seconds) {
        out.printf(Locale.ROOT, "%s  -> %s in %s%n", interactive ? "\r" : "", input.outputImage(),
                ConsoleProgress.duration(seconds));
    }
}
