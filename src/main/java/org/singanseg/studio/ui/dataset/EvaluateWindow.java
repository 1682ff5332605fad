package org.singanseg.studio.ui.dataset;

import java.util.function.Function;

import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.EvaluationSetting;
import org.singanseg.studio.core.seg.SegmentationMetrics;
import org.singanseg.studio.core.seg.SegmentationSettings;
import org.singanseg.studio.ui.common.Spinners;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.geometry.Side;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Dataset > Evaluate: does the synthetic data help a segmentation model? k-fold U-Net training on
 * real only, synthetic only, both, and a few real images with and without their synthetic pairs;
 * the scores as a table (per fold and mean ± std) and a bar chart of the mean IoU and Dice.
 */
public final class EvaluateWindow {
    private final Stage stage = new Stage();
    private final EvaluateService service;
    private final FolderField real = new FolderField("evaluate-real", "Folder with images/ and masks/ of the real pairs");
    private final FolderField synthetic = new FolderField("evaluate-synthetic", "A dataset folder made by Make Dataset");
    private final Spinner<Integer> folds = new Spinner<>(2, 10, 3);
    private final Spinner<Integer> size = new Spinner<>(32, 512, 128, 32);
    private final Spinner<Integer> epochs = new Spinner<>(1, 500, SegmentationSettings.defaults().epochs());
    private final Spinner<Integer> smallN = new Spinner<>(1, 100, 5);
    private final Label problem = new Label();
    private final TableView<EvaluationRow> table = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 1, 0.1));

    public EvaluateWindow(Window owner, EvaluateService service) {
        this.service = service;
        stage.initOwner(owner);
        stage.setTitle("Evaluate a synthetic dataset");
        for (Spinner<Integer> spinner : java.util.List.of(folds, size, epochs, smallN)) {
            spinner.setEditable(true);
            spinner.setPrefWidth(90);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Real pairs"), real);
        form.addRow(1, new Label("Synthetic dataset"), synthetic);
        form.addRow(2, new Label("Folds"), folds, new Label("Image size"), size);
        form.addRow(3, new Label("Epochs"), epochs, new Label("Small-data n"), smallN);
        Label what = new Label("Trains a U-Net per setting and fold; synthetic pairs of a fold come only from its "
                + "training images. The scores are measured on the held-out real pairs. Takes a while: about a "
                + "minute per model at 128 px on a laptop CPU.");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting the text short
        what.getStyleClass().add("hint");
        problem.getStyleClass().add("warning-banner");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());


        buildTable();
        chart.setTitle("Mean over folds on held-out real pairs");
        chart.setAnimated(false);
        chart.setPrefHeight(270);
        chart.setMinHeight(Region.USE_PREF_SIZE);
        chart.setLegendSide(Side.RIGHT);
        service.resultProperty().addListener((obs, old, result) -> show(result));

        VBox root = new VBox(10, form, what, problem, new JobControls(service, "evaluate", this::start), chart, table);
        root.setPadding(new Insets(14));
        VBox.setVgrow(table, Priority.ALWAYS);
        Scene scene = new Scene(root, 900, 760);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private void start() {
        if (real.folder() == null || synthetic.folder() == null) {
            showProblem("Choose the folder of real pairs (with images/ and masks/) and a synthetic dataset folder.");
            return;
        }
        if (!Spinners.commit(folds, size, epochs, smallN)) {
            showProblem("Folds, image size, epochs and n must be whole numbers.");
            return;
        }
        problem.setVisible(false);
        EvaluationOptions defaults = EvaluationOptions.defaults();
        SegmentationSettings segmentation = defaults.segmentation().withSize(size.getValue()).withEpochs(epochs.getValue());
        service.start(real.folder(), synthetic.folder(), new EvaluationOptions(folds.getValue(), smallN.getValue(),
                defaults.splitSeed(), segmentation));
    }

    private void show(EvaluationResult result) {
        table.setItems(result == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(EvaluationRow.of(result)));
        chart.getData().clear();
        if (result == null) {
            return;
        }
        chart.getData().add(series("IoU", result, SegmentationMetrics::iou));
        chart.getData().add(series("Dice (F1)", result, SegmentationMetrics::f1));
    }

    private static XYChart.Series<String, Number> series(String name, EvaluationResult result,
                                                         Function<SegmentationMetrics, Double> metric) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (EvaluationSetting setting : result.settings()) {
            series.getData().add(new XYChart.Data<>(setting.label(result.options().smallN()),
                    metric.apply(result.summary(setting).mean())));
        }
        return series;
    }

    private void buildTable() {
        table.setId("evaluate-table");
        table.getColumns().add(column("Setting", EvaluationRow::setting, 150));
        table.getColumns().add(column("Fold", EvaluationRow::fold, 100));
        table.getColumns().add(column("Trained on", EvaluationRow::training, 150));
        table.getColumns().add(column("Tested on", EvaluationRow::test, 80));
        table.getColumns().add(column("IoU", EvaluationRow::iou, 100));
        table.getColumns().add(column("Dice (F1)", EvaluationRow::f1, 100));
        table.getColumns().add(column("Precision", EvaluationRow::precision, 100));
        table.getColumns().add(column("Recall", EvaluationRow::recall, 100));
        table.getColumns().add(column("Accuracy", EvaluationRow::accuracy, 100));
        table.getColumns().add(column("Dice loss", EvaluationRow::diceLoss, 100));
        table.setPlaceholder(new Label("The scores appear here when the evaluation ends."));
    }

    private static TableColumn<EvaluationRow, String> column(String title, Function<EvaluationRow, String> value,
                                                            double width) {
        TableColumn<EvaluationRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }
}
