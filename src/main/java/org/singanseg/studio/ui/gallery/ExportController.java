package org.singanseg.studio.ui.gallery;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.singanseg.studio.core.export.DatasetExporter;
import org.singanseg.studio.core.export.ExportOptions;
import org.singanseg.studio.core.export.ExportSummary;
import org.singanseg.studio.core.export.ExportTargetExistsException;
import org.singanseg.studio.core.io.ByteSizes;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.ui.common.CancellableProgress;
import org.singanseg.studio.ui.common.Dialogs;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Export from the gallery: a dialog for the target and the options, the export on the files thread
 * with a progress dialog and Cancel, and a question before anything existing is replaced.
 */
public final class ExportController {
    private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HHmm", Locale.ROOT);

    private final Window owner;
    private final GalleryModel gallery;
    private final Supplier<Project> project;
    private final Executor files;
    private final Executor ui;

    public ExportController(Window owner, GalleryModel gallery, Supplier<Project> project, Executor files, Executor ui) {
        this.owner = owner;
        this.gallery = gallery;
        this.project = project;
        this.files = files;
        this.ui = ui;
    }

    /** The request the dialog makes. */
    record Request(Path out, ExportOptions options) {
    }

    public void export() {
        Project current = project.get();
        SampleCatalog catalog = gallery.catalogProperty().get();
        if (current == null || catalog == null) {
            return;
        }
        ask(current).ifPresent(request -> run(current, catalog, request));
    }

    private java.util.Optional<Request> ask(Project current) {
        long kept = gallery.records().stream().filter(r -> r.review() == Review.KEPT).count();
        Dialog<Request> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export dataset");
        dialog.setHeaderText("Export synthetic pairs as images/NAME.png and masks/NAME.png (Kvasir-SEG layout), "
                + "with manifest.csv and dataset.json");
        TextField folder = new TextField(current.exportsFolder()
                .resolve(current.name() + " synthetic " + STAMP.format(LocalDateTime.now())).toString());
        folder.setId("export-folder");
        folder.setPrefColumnCount(36);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder to export into");
            File parent = Path.of(folder.getText()).toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.toPath().resolve(Path.of(folder.getText()).getFileName()).toString());
            }
        });
        HBox.setHgrow(folder, Priority.ALWAYS);
        CheckBox keptOnly = new CheckBox(String.format(Locale.ROOT, "Only kept pairs (%d kept of %d)", kept,
                gallery.records().size()));
        keptOnly.setId("export-kept-only");
        keptOnly.setSelected(kept > 0);
        keptOnly.setDisable(kept == 0);
        CheckBox withReal = new CheckBox("Include the real pair (images/real.png, masks/real.png)");
        withReal.setId("export-with-real");
        CheckBox zip = new CheckBox("As one ZIP file");
        zip.setId("export-zip");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Export to"), new HBox(6, folder, browse));
        form.add(new VBox(6, keptOnly, withReal, zip), 1, 1);
        form.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(form);
        ButtonType exportButton = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, exportButton);
        dialog.getDialogPane().lookupButton(exportButton).disableProperty().bind(folder.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == exportButton
                ? new Request(Path.of(folder.getText().trim()), new ExportOptions(keptOnly.isSelected(),
                withReal.isSelected(), zip.isSelected(), false)) : null);
        return dialog.showAndWait();
    }

    private void run(Project current, SampleCatalog catalog, Request request) {
        CancellableProgress progress = new CancellableProgress(owner, "Exporting",
                "Exporting to " + DatasetExporter.target(request.out(), request.options()), "Preparing…");
        progress.show();
        files.execute(() -> {
            Runnable outcome;
            try {
                ExportSummary summary = new DatasetExporter(current, catalog).export(request.out(), request.options(),
                        (done, total) -> ui.execute(() -> progress.update((double) done / total, done + " of " + total
                                + " pairs")), progress::cancelled);
                outcome = () -> Dialogs.message(owner, Alert.AlertType.INFORMATION, "Export finished", String.format(
                        Locale.ROOT, "%d pairs%s written to %s (%s).", summary.pairs(),
                        summary.realIncluded() ? " and the real pair" : "", summary.target(),
                        ByteSizes.describe(summary.bytes())));
            } catch (ExportTargetExistsException exists) {
                outcome = () -> askOverwrite(current, catalog, request, exists);
            } catch (CancellationException e) {
                outcome = () -> { };
            } catch (Exception e) {
                LOG.warn("Export failed", e);
                outcome = () -> Dialogs.message(owner, Alert.AlertType.ERROR, "Export failed", UserMessages.describe(e));
            }
            Runnable then = outcome;
            ui.execute(() -> {
                progress.finish();
                then.run();
            });
        });
    }

    private void askOverwrite(Project current, SampleCatalog catalog, Request request, ExportTargetExistsException exists) {
        if (Dialogs.confirm(owner, "Replace the existing export?", exists.getMessage() + "\nReplace it with this "
                + "export? It is replaced only once the new export is complete.", "Replace", "Keep it")) {
            run(current, catalog, new Request(request.out(), request.options().withOverwrite()));
        }
    }
}
