package org.singanseg.studio.ui.compare;

import org.singanseg.studio.core.compare.ColourHistograms;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Red, green and blue histograms of the real image (solid) and the synthetic one (dashed) in one
 * chart, in 64 bins of the 8-bit value, as fractions of the pixels.
 */
final class HistogramChart extends LineChart<Number, Number> {
    static final int BINS = 64;
    private static final String[] CHANNELS = {"R", "G", "B"};

    HistogramChart() {
        super(new NumberAxis(0, 255, 64), new NumberAxis());
        setId("compare-histograms");
        setCreateSymbols(false);
        setAnimated(false);
        setTitle("Colour histograms");
        getXAxis().setLabel("8-bit value");
        getYAxis().setLabel("Fraction of pixels");
        setPrefHeight(260);
    }

    void show(ColourHistograms real, ColourHistograms synthetic) {
        getData().clear();
        for (int c = 0; c < 3; c++) {
            getData().add(series("Real " + CHANNELS[c], real.coarse(c, BINS)));
        }
        for (int c = 0; c < 3; c++) {
            getData().add(series("Synthetic " + CHANNELS[c], synthetic.coarse(c, BINS)));
        }
    }

    private static XYChart.Series<Number, Number> series(String name, double[] fractions) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        double binWidth = 256.0 / fractions.length;
        for (int i = 0; i < fractions.length; i++) {
            series.getData().add(new XYChart.Data<>((i + 0.5) * binWidth, fractions[i]));
        }
        return series;
    }
}
