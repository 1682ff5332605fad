package org.singanseg.studio.ui.compare;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * One side of the comparison: an image fitted to the pane, then zoomed and panned as the shared
 * {@link LinkedViewport} says. Wheel zooms around the pointer, dragging pans.
 */
final class ImagePane extends Region {
    private final LinkedViewport viewport;
    private final ImageView view = new ImageView();
    private double dragX;
    private double dragY;

    ImagePane(LinkedViewport viewport) {
        this.viewport = viewport;
        getStyleClass().add("compare-pane");
        getChildren().add(view);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        viewport.zoomProperty().addListener(o -> requestLayout());
        viewport.centreXProperty().addListener(o -> requestLayout());
        viewport.centreYProperty().addListener(o -> requestLayout());
        setOnScroll(e -> {
            if (e.getDeltaY() != 0 && view.getImage() != null) {
                viewport.zoomAround(e.getDeltaY() > 0 ? 1.25 : 0.8, relativeX(e.getX()), relativeY(e.getY()));
            }
        });
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            if (view.getImage() != null) {
                viewport.panBy(-(e.getX() - dragX) / shownWidth(), -(e.getY() - dragY) / shownHeight());
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        setMinSize(120, 120);
    }

    void setImage(Image image) {
        view.setImage(image);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (view.getImage() == null) {
            return;
        }
        double w = shownWidth();
        double h = shownHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        // Smooth when shrinking, so thin outlines do not break up; the image's own pixels when magnifying.
        view.setSmooth(w < view.getImage().getWidth());
        view.relocate(getWidth() / 2 - viewport.centreXProperty().get() * w,
                getHeight() / 2 - viewport.centreYProperty().get() * h);
    }

    private double fitScale() {
        Image image = view.getImage();
        return Math.min(getWidth() / image.getWidth(), getHeight() / image.getHeight());
    }

    private double shownWidth() {
        return view.getImage().getWidth() * fitScale() * viewport.zoomProperty().get();
    }

    private double shownHeight() {
        return view.getImage().getHeight() * fitScale() * viewport.zoomProperty().get();
    }

    private double relativeX(double x) {
        return (x - view.getLayoutX()) / shownWidth();
    }

    private double relativeY(double y) {
        return (y - view.getLayoutY()) / shownHeight();
    }
}
