package org.singanseg.studio.ui.train;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.singanseg.studio.core.gan.TrainingListener.IterationStats;

import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The loss curves of one scale, with a legend of plain names whose tooltips give each curve's
 * technical name and what it tells (the chart's own legend cannot carry tooltips).
 */
final class LossChart extends VBox {
    private final LineChart<Number, Number> chart;
    private final Map<Loss, XYChart.Series<Number, Number>> series = new EnumMap<>(Loss.class);

    LossChart() {
        super(2);
        NumberAxis iterations = new NumberAxis();
        iterations.setLabel("Iteration");
        iterations.setForceZeroInRange(true);
        NumberAxis value = new NumberAxis();
        value.setLabel("Value");
        value.setForceZeroInRange(false);
        chart = new LineChart<>(iterations, value);
        chart.setId("loss-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(120);
        FlowPane legend = new FlowPane(12, 2);
        legend.setId("loss-legend");
        for (Loss loss : Loss.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>(loss.title(), FXCollections.observableArrayList());
            series.put(loss, s);
            chart.getData().add(s);
            legend.getChildren().add(legendItem(loss));
        }
        getChildren().addAll(chart, legend);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    /** Shows the curves of a scale (no scale: empty). */
    void show(int scale, List<IterationStats> points) {
        if (points.isEmpty()) {
            // A series emptied in place keeps drawing its old line: new, empty ones instead.
            chart.getData().clear();
            for (Loss loss : Loss.values()) {
                series.put(loss, new XYChart.Series<>(loss.title(), FXCollections.observableArrayList()));
                chart.getData().add(series.get(loss));
            }
        }
        for (Loss loss : Loss.values()) {
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
            for (IterationStats p : points) {
                data.add(new XYChart.Data<>(p.iteration(), loss.of(p)));
            }
            series.get(loss).getData().setAll(data);
        }
        chart.setTitle(scale < 0 ? "Training curves" : "Training curves at scale " + (scale + 1));
    }

    /** The plain name beside a swatch in the series' colour, as the chart's own legend draws it. */
    private static Label legendItem(Loss loss) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("chart-line-symbol", "default-color" + loss.ordinal());
        Label item = new Label(loss.title(), swatch);
        item.setId("legend-" + loss.name().toLowerCase(Locale.ROOT));
        Tooltip explanation = new Tooltip(loss.explanation());
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        explanation.setShowDuration(Duration.seconds(30));
        item.setTooltip(explanation);
        return item;
    }
}
