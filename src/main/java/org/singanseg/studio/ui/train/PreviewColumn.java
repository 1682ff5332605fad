package org.singanseg.studio.ui.train;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * The previews of the scale in training, one above the other with their captions, each as large
 * as the column allows: the three always fit the height they are given, so none is cut off at a
 * small window. A note above them says why there are none yet, or whose they are.
 */
final class PreviewColumn extends Region {
    private static final double GAP = 6;
    private static final Insets PADDING = new Insets(8);
    private static final String[] TITLES = {"Real image at this scale", "The model's copy of it", "A random sample"};
    private static final String[] EXPLANATIONS = {
        "The real image and mask (green) as the model sees them at this scale",
        "Reconstruction from the fixed noise: how closely the model reproduces the real image at this scale",
        "Made from fresh random noise: what the model generates at this scale"};

    private final Label note = new Label();
    private final List<Label> captions = List.of(new Label(), new Label(), new Label());
    private final List<ImageView> views = List.of(new ImageView(), new ImageView(), new ImageView());

    PreviewColumn() {
        setId("train-previews");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        getChildren().add(note);
        for (int i = 0; i < views.size(); i++) {
            captions.get(i).setTooltip(new Tooltip(EXPLANATIONS[i]));
            views.get(i).setPreserveRatio(true);
            views.get(i).setSmooth(false); // the scale's own pixels
            views.get(i).setId("train-preview-" + i);
            getChildren().addAll(captions.get(i), views.get(i));
        }
        show(null);
        setMinSize(0, 0);
    }

    /** The line above the previews; empty hides it. */
    StringProperty noteProperty() {
        return note.textProperty();
    }

    /** The images of a preview (real, reconstruction, sample), or none. */
    void show(List<Image> images) {
        for (int i = 0; i < views.size(); i++) {
            Image image = images == null ? null : images.get(i);
            views.get(i).setImage(image);
            captions.get(i).setText(image == null ? "" : String.format(Locale.ROOT, "%s (%.0f × %.0f px)", TITLES[i],
                    image.getWidth(), image.getHeight()));
        }
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 280;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    @Override
    protected void layoutChildren() {
        double x = PADDING.getLeft();
        double width = Math.max(0, getWidth() - PADDING.getLeft() - PADDING.getRight());
        double y = PADDING.getTop();
        if (note.isVisible()) {
            double h = note.prefHeight(width);
            layoutInArea(note, x, y, width, h, 0, HPos.LEFT, VPos.TOP);
            y += h + GAP;
        }
        double captionHeight = captions.get(0).prefHeight(width);
        double free = getHeight() - PADDING.getBottom() - y - views.size() * (captionHeight + GAP);
        double slot = Math.max(0, free / views.size());
        for (int i = 0; i < views.size(); i++) {
            layoutInArea(captions.get(i), x, y, width, captionHeight, 0, HPos.CENTER, VPos.TOP);
            y += captionHeight;
            ImageView view = views.get(i);
            view.setFitWidth(width);
            view.setFitHeight(slot);
            layoutInArea(view, x, y, width, slot, 0, HPos.CENTER, VPos.TOP);
            y += slot + GAP;
        }
    }
}
