package org.singanseg.studio.ui.dataset;

import java.nio.file.Path;

import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.ui.common.Spinners;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Dataset > Make Dataset from Many Pairs: the app's face of train-batch. Folders of real images and
 * masks in, a folder of synthetic pairs with manifest.csv out; progress per pair, Stop, and a log of
 * what happened to every pair. Running it again with the same folders continues a stopped run.
 */
public final class DatasetWindow {
    private final Stage stage = new Stage();
    private final DatasetService service;
    private final FolderField images = new FolderField("dataset-images", "Folder of real images");
    private final FolderField masks = new FolderField("dataset-masks", "Folder of their masks");
    private final FolderField out = new FolderField("dataset-out", "Folder for the synthetic dataset");
    private final ChoiceBox<Preset> preset = new ChoiceBox<>();
    private final Spinner<Integer> samples = new Spinner<>(1, 1000, 10);
    private final CheckBox withReal = new CheckBox("Copy the real pairs into the dataset too");
    private final Label problem = new Label();

    /**
     * @param engineBusy true while a training holds the engine: the run waits for it
     */
    public DatasetWindow(Window owner, DatasetService service, BooleanExpression engineBusy) {
        this.service = service;
        stage.initOwner(owner);
        stage.setTitle("Make a dataset from many pairs");
        preset.getItems().setAll(Preset.CHOICES);
        preset.setValue(Preset.DEFAULT);
        samples.setEditable(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Real images"), images);
        form.addRow(1, new Label("Masks"), masks);
        form.addRow(2, new Label("Output folder"), out);
        form.addRow(3, new Label("Training preset"), preset);
        form.addRow(4, new Label("Samples per image"), samples);
        form.add(withReal, 1, 5);
        Label rule = new Label("One model per pair (image abc.jpg with mask abc.png, abc_mask.png or abc-mask.png), then the "
                + "samples of each. Files without a partner, and unusable pairs, are listed and skipped.");
        rule.setWrapText(true);
        rule.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting the text short
        rule.getStyleClass().add("hint");

        Label busy = new Label("A training is running in the main window; the dataset starts when it ends.");
        busy.getStyleClass().add("hint");
        busy.visibleProperty().bind(engineBusy.and(service.runningProperty()));
        problem.getStyleClass().add("warning-banner");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        ListView<String> log = new ListView<>(service.log());
        log.setPrefHeight(160);

        VBox root = new VBox(10, form, rule, problem, new JobControls(service, "dataset", this::start), busy, log);
        root.setPadding(new Insets(14));
        VBox.setVgrow(log, Priority.ALWAYS);
        Scene scene = new Scene(root, 720, 560);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        // Closing the window does not stop a run; the menu brings it back.
    }

    public void show(Path suggestedImages) {
        if (images.folder() == null && suggestedImages != null) {
            images.setFolder(suggestedImages);
        }
        stage.show();
        stage.toFront();
    }

    private void start() {
        Path imagesFolder = images.folder();
        Path masksFolder = masks.folder() != null ? masks.folder() : imagesFolder;
        Path outFolder = out.folder();
        if (imagesFolder == null || outFolder == null) {
            showProblem("Choose the folder of real images and an output folder.");
            return;
        }
        if (!Spinners.commit(samples)) {
            showProblem("Samples per image must be a whole number from 1 to 1000.");
            return;
        }
        problem.setVisible(false);
        service.start(new DatasetService.Request(imagesFolder, masksFolder, outFolder,
                preset.getValue().settings(), samples.getValue(), withReal.isSelected()));
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }
}
