package org.singanseg.studio.ui.gallery;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import org.singanseg.studio.core.style.VggWeightsFile;
import org.singanseg.studio.core.style.WeightsDownload;
import org.singanseg.studio.ui.common.CancellableProgress;
import org.singanseg.studio.ui.common.Dialogs;
import org.singanseg.studio.ui.common.UserMessages;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Makes sure the VGG19 weights that neural style transfer needs are in the app's data folder.
 * When they are missing it says what the file is for and offers to import a copy the user has
 * (checked before it is kept) or to download it from Keras's public address (with a progress bar
 * and Keras's MD5 check). It never falls back to another method by itself.
 */
public final class StyleWeights {
    private final Window owner;
    private final Executor files;
    private final Executor ui;

    public StyleWeights(Window owner, Executor files, Executor ui) {
        this.owner = owner;
        this.files = files;
        this.ui = ui;
    }

    /** Whether the weights file is in the data folder. */
    static boolean present() {
        return Files.isRegularFile(VggWeightsFile.defaultLocation());
    }

    /** Runs {@code ready} (on the UI thread) once the weights are there; does nothing if the user declines. */
    void ensure(Runnable ready) {
        Path target = VggWeightsFile.defaultLocation();
        if (present()) {
            ready.run();
            return;
        }
        ButtonType importButton = new ButtonType("Import File…", ButtonBar.ButtonData.LEFT);
        ButtonType download = new ButtonType("Download (80 MB)", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.INFORMATION, "Neural style transfer compares images through the "
                + "features of VGG19, a network trained on ImageNet. It needs " + VggWeightsFile.DESCRIPTION
                + ", which the app keeps in " + target.getParent() + ".\n\nImport a copy you have, or download it from "
                + WeightsDownload.VGG19_URL.getHost() + " (the file Keras uses; its checksum is checked). "
                + "The colour match (Lab) method needs no file.", importButton, download, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setHeaderText("The VGG19 weights are not here yet");
        ask.showAndWait().ifPresent(choice -> {
            if (choice == importButton) {
                importFile(target, ready);
            } else if (choice == download) {
                download(target, ready);
            }
        });
    }

    private void importFile(Path target, Runnable ready) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("VGG19 weights file (" + VggWeightsFile.FILE_NAME + ")");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Keras weights (*.h5)", "*.h5"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen == null) {
            return;
        }
        files.execute(() -> {
            try {
                VggWeightsFile.read(chosen.toPath()); // refuses any other file, with the reason
                Path partial = target.resolveSibling(target.getFileName() + ".import");
                Files.createDirectories(target.getParent());
                Files.copy(chosen.toPath(), partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                ui.execute(ready);
            } catch (Exception e) {
                ui.execute(() -> Dialogs.message(owner, Alert.AlertType.ERROR, "This file cannot be used",
                        UserMessages.describe(e)));
            }
        });
    }

    private void download(Path target, Runnable ready) {
        CancellableProgress progress = new CancellableProgress(owner, "Downloading the VGG19 weights", null,
                "Connecting to " + WeightsDownload.VGG19_URL.getHost() + "…");
        progress.show();
        files.execute(() -> {
            Runnable outcome;
            try {
                WeightsDownload.vgg19().to(target, (bytes, total) -> ui.execute(() -> progress.update(
                        total > 0 ? (double) bytes / total : -1, String.format(Locale.ROOT, "%.1f of %s MB", bytes / 1e6,
                                total > 0 ? String.format(Locale.ROOT, "%.1f", total / 1e6) : "?"))), progress::cancelled);
                outcome = ready;
            } catch (CancellationException e) {
                outcome = () -> { };
            } catch (Exception e) {
                outcome = () -> Dialogs.message(owner, Alert.AlertType.ERROR, "The download did not work",
                        UserMessages.describe(e));
            }
            Runnable then = outcome;
            ui.execute(() -> {
                progress.finish();
                then.run();
            });
        });
    }
}
