package org.singanseg.studio.ui.dataset;

import java.util.function.Function;
import java.util.stream.Collectors;

import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.EvaluationSetting;
import org.singanseg.studio.core.eval.EvaluationSummary;
import org.singanseg.studio.core.eval.PolypSizeGain;
import org.singanseg.studio.core.eval.SyntheticGain;
import org.singanseg.studio.core.eval.TrainingBudget;
import org.singanseg.studio.core.seg.SegmentationMetrics;
import org.singanseg.studio.core.seg.SegmentationModel;
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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.geometry.Side;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Dataset > Evaluate: does the synthetic data help a segmentation model? With a held-out test
 * folder: draws of a few real images, each trained with and without their synthetic pairs and
 * tested on the whole test folder; without one: k-fold U-Net training on real only, synthetic
 * only, both, and a few real images with and without their synthetic pairs. The headline (the
 * gain with its 95% interval) and where it lies by test polyp size above the bar chart of the mean
 * IoU and Dice and the table of scores.
 */
public final class EvaluateWindow {
    private final Stage stage = new Stage();
    private final EvaluateService service;
    private final FolderField real = new FolderField("evaluate-real", "Folder with images/ and masks/ of the real pairs");
    private final FolderField synthetic = new FolderField("evaluate-synthetic", "A dataset folder made by Make Dataset");
    private final FolderField test = new FolderField("evaluate-test",
            "Optional: held-out real test pairs (images/ and masks/), never trained on");
    private final Spinner<Integer> folds = new Spinner<>(2, 10, 3);
    private final Spinner<Integer> draws = new Spinner<>(1, 50, EvaluationOptions.defaults().draws());
    private final ChoiceBox<TrainingBudget> budget = new ChoiceBox<>(
            FXCollections.observableArrayList(TrainingBudget.values()));
    private final ChoiceBox<SegmentationModel> model = new ChoiceBox<>(
            FXCollections.observableArrayList(SegmentationModel.values()));
    private final Label headline = new Label();
    private final Label bySize = new Label();
    private final CheckBox augment = new CheckBox("Augment (flips, rotations, zoom, colour jitter)");
    private final Spinner<Integer> size = new Spinner<>(32, 512, 128, 32);
    private final Spinner<Integer> epochs = new Spinner<>(1, 500, SegmentationSettings.defaults().epochs());
    private final Spinner<Integer> smallN = new Spinner<>(1, 100, 5);
    private final Spinner<Integer> seeds = new Spinner<>(1, 10, EvaluationOptions.defaults().modelSeeds());
    private final Label problem = new Label();
    private final TableView<EvaluationRow> table = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 1, 0.1));

    public EvaluateWindow(Window owner, EvaluateService service) {
        this.service = service;
        stage.initOwner(owner);
        stage.setTitle("Evaluate a synthetic dataset");
        for (Spinner<Integer> spinner : java.util.List.of(folds, draws, size, epochs, smallN, seeds)) {
            spinner.setEditable(true);
            spinner.setPrefWidth(90);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Real pairs"), real);
        form.addRow(1, new Label("Synthetic dataset"), synthetic);
        form.addRow(2, new Label("Test set"), test);
        form.addRow(3, new Label("Draws"), draws, new Label("Folds (no test set)"), folds);
        form.addRow(4, new Label("Epochs"), epochs, new Label("Small-data n"), smallN);
        form.addRow(5, new Label("Training budget"), budget, new Label("Image size"), size);
        form.addRow(6, new Label("Network"), model, new Label("U-Net seeds"), seeds);
        form.add(augment, 1, 7, 3, 1);
        augment.setId("evaluate-augment");
        budget.setId("evaluate-budget");
        draws.setId("evaluate-draws");
        size.setId("evaluate-size");
        epochs.setId("evaluate-epochs");
        smallN.setId("evaluate-small-n");
        seeds.setId("evaluate-seeds");
        folds.setId("evaluate-folds");
        augment.setSelected(SegmentationSettings.defaults().augment());
        augment.setTooltip(new Tooltip("Segmentation practice augments; without it you see how much of the synthetic "
                + "pairs' gain augmentation already gives."));
        seeds.setTooltip(new Tooltip("Each setting of a draw or fold trains this many networks from different "
                + "starts; more average out one network's luck, at that many times the time."));
        form.getChildren().stream().filter(Label.class::isInstance)
                .forEach(label -> ((Label) label).setMinWidth(Region.USE_PREF_SIZE)); // names whole, not cut short
        model.setValue(EvaluationOptions.defaults().segmentation().model());
        model.setConverter(new StringConverter<>() {
            @Override
            public String toString(SegmentationModel value) {
                return value == null ? "" : value.displayName();
            }

            @Override
            public SegmentationModel fromString(String text) {
                return SegmentationModel.parse(text);
            }
        });
        budget.setValue(EvaluationOptions.defaults().budget());
        budget.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrainingBudget value) {
                if (value == null) {
                    return "";
                }
                return switch (value) {
                    case STEPS -> "same steps for every model";
                    case EPOCHS -> "epochs over its own pairs";
                    case BOTH -> "both (needs a test folder)";
                };
            }

            @Override
            public TrainingBudget fromString(String text) {
                return TrainingBudget.parse(text);
            }
        });
        Label what = new Label("With a test set: each draw of n real images trains one network on them alone and one "
                + "with their synthetic pairs, both scored on every test image. Without: cross-validation over the "
                + "real pairs. Takes a while: one to a few minutes per model at 128 px on a laptop CPU.");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting the text short
        what.getStyleClass().add("hint");
        problem.getStyleClass().add("warning-banner");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        headline.setId("evaluate-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.getStyleClass().add("headline");
        bySize.setId("evaluate-by-size");
        bySize.setWrapText(true);
        bySize.setMinHeight(Region.USE_PREF_SIZE);
        bySize.getStyleClass().add("hint");


        buildTable();
        chart.setTitle("Mean on held-out real pairs");
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        chart.setLegendSide(Side.RIGHT);
        service.resultProperty().addListener((obs, old, result) -> show(result));

        VBox root = new VBox(10, form, what, problem, new JobControls(service, "evaluate", this::start), headline,
                bySize, chart, table);
        root.setPadding(new Insets(14));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(170);
        table.setPrefHeight(200);
        // A long headline (two budgets) must not squeeze the table away: the window scrolls instead.
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Scene scene = new Scene(scroll, 900, 800);
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
        if (budget.getValue() == TrainingBudget.BOTH && test.folder() == null) {
            showProblem("The budget 'both' needs a test folder; without one, evaluate once with each budget.");
            return;
        }
        if (!Spinners.commit(folds, draws, size, epochs, smallN, seeds)) {
            showProblem("Draws, folds, image size, epochs, n and seeds must be whole numbers.");
            return;
        }
        problem.setVisible(false);
        EvaluationOptions defaults = EvaluationOptions.defaults();
        SegmentationSettings segmentation = defaults.segmentation().withSize(size.getValue()).withEpochs(epochs.getValue())
                .withModel(model.getValue()).withAugment(augment.isSelected());
        service.start(real.folder(), synthetic.folder(), test.folder(), defaults.withFolds(folds.getValue())
                .withDraws(draws.getValue()).withSmallN(smallN.getValue()).withBudget(budget.getValue())
                .withSegmentation(segmentation).withModelSeeds(seeds.getValue()));
    }

    private void show(EvaluationResult result) {
        table.setItems(result == null ? FXCollections.observableArrayList()
                : FXCollections.observableArrayList(EvaluationRow.of(result)));
        chart.getData().clear();
        headline.setText(result == null ? "" : SyntheticGain.headline(result).stream().map(SyntheticGain::sentence)
                .collect(Collectors.joining(System.lineSeparator())));
        headline.setTooltip(result == null ? null : new Tooltip(EvaluationSummary.protocol(result)));
        bySize.setText(result == null ? "" : String.join(System.lineSeparator(), PolypSizeGain.lines(result)));
        if (result == null) {
            return;
        }
        EvaluationSummary.blankModels(result).ifPresent(this::showProblem);
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
        table.getColumns().add(column("Fold / draw", EvaluationRow::fold, 100));
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
