package org.singanseg.studio.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A progress dialog with Cancel for work on another thread (an export, a download). Cancel, or
 * closing the dialog, only raises the flag the work checks; the dialog stays, saying "Cancelling…",
 * until the work has stopped and cleaned up and calls {@link #finish()}.
 */
public final class CancellableProgress {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label text;
    private final Dialog<Void> dialog = new Dialog<>();
    private boolean finished;

    public CancellableProgress(Window owner, String title, String header, String firstText) {
        text = new Label(firstText);
        bar.setPrefWidth(360);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(new VBox(8, bar, text));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.setOnCloseRequest(e -> {
            cancelled.set(true);
            if (!finished) {
                text.setText("Cancelling…");
                e.consume();
            }
        });
    }

    public void show() {
        dialog.show();
    }

    /** Whether the user asked to stop (any thread). */
    public boolean cancelled() {
        return cancelled.get();
    }

    /** On the UI thread; a negative fraction shows an indeterminate bar. */
    public void update(double fraction, String message) {
        bar.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
        if (!cancelled.get()) {
            text.setText(message);
        }
    }

    /** On the UI thread, once the work has ended: closes the dialog. */
    public void finish() {
        finished = true;
        dialog.close();
    }
}
