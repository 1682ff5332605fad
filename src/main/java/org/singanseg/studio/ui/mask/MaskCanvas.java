package org.singanseg.studio.ui.mask;

import java.util.ArrayList;
import java.util.List;

import org.singanseg.studio.core.mask.PolygonFill;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The image with its mask overlay, zoomable and pannable, turning mouse input into mask edits in
 * image coordinates. Zoom: wheel (around the pointer). Pan: space + drag or the middle button.
 * Brush size: Ctrl + wheel. The overlay repaints only the regions the model reports as changed.
 */
public final class MaskCanvas extends Region {
    private static final double MIN_ZOOM = 0.02;
    private static final double MAX_ZOOM = 32;

    private final MaskEditorModel model;
    private final ImageView imageView = new ImageView();
    private final OverlayTiles overlay;
    private final Polyline polygonPreview = new Polyline();
    private final Group content;
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1);
    private final Circle ringInner = new Circle();
    private final Circle ringOuter = new Circle();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);

    private final List<PolygonFill.Point> polygon = new ArrayList<>();
    /** Set by {@link #show}; the fit waits for a layout that gives the canvas its size. */
    private boolean fitPending;
    private boolean spaceDown;
    private boolean pointerInside;
    private boolean panning;
    private boolean lassoing;
    private double panStartX;
    private double panStartY;
    private double lastMouseX;
    private double lastMouseY;

    public MaskCanvas(MaskEditorModel model) {
        this.model = model;
        this.overlay = new OverlayTiles(model);
        getStyleClass().add("mask-canvas");
        setFocusTraversable(true);
        setMinSize(100, 100);
        imageView.setPreserveRatio(false);
        polygonPreview.setStroke(Color.YELLOW);
        polygonPreview.setMouseTransparent(true);
        content = new Group(imageView, overlay, polygonPreview);
        content.getTransforms().addAll(pan, scale);
        content.setManaged(false);
        for (Circle ring : new Circle[]{ringOuter, ringInner}) {
            ring.setFill(null);
            ring.setMouseTransparent(true);
            ring.setManaged(false);
            ring.setVisible(false);
        }
        ringOuter.setStroke(Color.rgb(0, 0, 0, 0.8));
        ringOuter.setStrokeWidth(3);
        ringInner.setStroke(Color.WHITE);
        ringInner.setStrokeWidth(1);
        getChildren().addAll(content, ringOuter, ringInner);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        model.addChangeListener(overlay::repaint);
        model.brushSizeProperty().addListener((obs, old, size) -> updateRing());
        model.toolProperty().addListener((obs, old, tool) -> {
            cancelPolygon();
            updateRing();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouseReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseMoved);
        // Keys (space to pan, Enter / Esc for polygons) go to the canvas while the pointer is over it.
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> requestFocus());
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointerInside = false;
            updateRing();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                setCursor(Cursor.CROSSHAIR);
            }
        });
        focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spaceDown = false; // its key release may go elsewhere
                setCursor(Cursor.CROSSHAIR);
            }
        });
        setCursor(Cursor.CROSSHAIR);
    }

    /** Shows a new image (its mask is already loaded in the model) fitted to the view. */
    public void show(Image image) {
        imageView.setImage(image);
        imageView.setFitWidth(image.getWidth());
        imageView.setFitHeight(image.getHeight());
        overlay.rebuild((int) image.getWidth(), (int) image.getHeight());
        cancelPolygon();
        fitPending = true;
        requestLayout();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Whole image in view, centred. */
    public void fit() {
        Image image = imageView.getImage();
        if (image == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double z = Math.min(getWidth() / image.getWidth(), getHeight() / image.getHeight());
        setZoom(z, (getWidth() - image.getWidth() * z) / 2, (getHeight() - image.getHeight() * z) / 2);
    }

    /** One image pixel per screen pixel, keeping the view's centre. */
    public void actualSize() {
        zoomAround(1 / zoom.get(), getWidth() / 2, getHeight() / 2);
    }

    public void zoomIn() {
        zoomAround(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAround(1 / 1.25, getWidth() / 2, getHeight() / 2);
    }

    /** Screen (local) coordinates to continuous image coordinates. */
    public Point2D toImage(double localX, double localY) {
        return new Point2D((localX - pan.getX()) / zoom.get(), (localY - pan.getY()) / zoom.get());
    }

    /** Continuous image coordinates to screen (local) coordinates. */
    public Point2D fromImage(double imageX, double imageY) {
        return new Point2D(pan.getX() + imageX * zoom.get(), pan.getY() + imageY * zoom.get());
    }

    @Override
    protected void layoutChildren() {
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fit();
        }
    }

    private void zoomAround(double factor, double x, double y) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
        double applied = z / zoom.get();
        setZoom(z, x - (x - pan.getX()) * applied, y - (y - pan.getY()) * applied);
    }

    private void setZoom(double z, double x, double y) {
        zoom.set(z);
        scale.setX(z);
        scale.setY(z);
        pan.setX(x);
        pan.setY(y);
        // Nearest-neighbour when zoomed in, so single pixels can be seen and edited.
        imageView.setSmooth(z < 2);
        polygonPreview.setStrokeWidth(1.5 / z);
        updateRing();
    }

    private void mousePressed(MouseEvent e) {
        requestFocus();
        if (!model.hasMask()) {
            return;
        }
        if (e.getButton() == MouseButton.MIDDLE || (spaceDown && e.getButton() == MouseButton.PRIMARY)) {
            panning = true;
            panStartX = e.getX() - pan.getX();
            panStartY = e.getY() - pan.getY();
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        Point2D p = toImage(e.getX(), e.getY());
        boolean erase = e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
        switch (model.toolProperty().get()) {
            case BRUSH, ERASER -> model.beginStroke(p.getX(), p.getY(), e.getButton() == MouseButton.SECONDARY);
            case FILL -> model.floodFill(p.getX(), p.getY(), erase);
            case LASSO -> {
                lassoing = true;
                polygon.clear();
                polygon.add(new PolygonFill.Point(p.getX(), p.getY()));
                updatePolygonPreview(null);
            }
            case POLYGON -> {
                if (e.getClickCount() >= 2) {
                    finishPolygon(erase);
                } else {
                    polygon.add(new PolygonFill.Point(p.getX(), p.getY()));
                    updatePolygonPreview(p);
                }
            }
        }
    }

    private void mouseDragged(MouseEvent e) {
        lastMouseX = e.getX();
        lastMouseY = e.getY();
        if (panning) {
            setZoom(zoom.get(), e.getX() - panStartX, e.getY() - panStartY);
            return;
        }
        updateRing();
        Point2D p = toImage(e.getX(), e.getY());
        if (lassoing) {
            PolygonFill.Point last = polygon.get(polygon.size() - 1);
            // One vertex per screen pixel of movement is plenty.
            if (Math.hypot(p.getX() - last.x(), p.getY() - last.y()) * zoom.get() >= 1) {
                polygon.add(new PolygonFill.Point(p.getX(), p.getY()));
                updatePolygonPreview(null);
            }
        } else if (model.toolProperty().get().usesBrushSize()) {
            model.continueStroke(p.getX(), p.getY());
        }
    }

    private void mouseReleased(MouseEvent e) {
        if (panning) {
            panning = false;
            setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.CROSSHAIR);
            return;
        }
        if (lassoing) {
            lassoing = false;
            finishPolygon(e.isShiftDown());
        }
        model.endStroke();
    }

    private void mouseMoved(MouseEvent e) {
        pointerInside = true;
        lastMouseX = e.getX();
        lastMouseY = e.getY();
        updateRing();
        if (!polygon.isEmpty() && model.toolProperty().get() == MaskTool.POLYGON) {
            updatePolygonPreview(toImage(e.getX(), e.getY()));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        if (e.isControlDown()) {
            if (e.getDeltaY() > 0) {
                model.growBrush();
            } else {
                model.shrinkBrush();
            }
        } else {
            zoomAround(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> {
                spaceDown = true;
                setCursor(Cursor.OPEN_HAND);
                e.consume();
            }
            case ENTER -> {
                if (model.toolProperty().get() == MaskTool.POLYGON) {
                    finishPolygon(e.isShiftDown());
                    e.consume();
                }
            }
            case ESCAPE -> {
                cancelPolygon();
                e.consume();
            }
            default -> {
            }
        }
    }

    private void finishPolygon(boolean erase) {
        if (polygon.size() >= 3) {
            model.fillPolygon(List.copyOf(polygon), erase);
        }
        cancelPolygon();
    }

    private void cancelPolygon() {
        polygon.clear();
        lassoing = false;
        polygonPreview.getPoints().clear();
    }

    /** The outline drawn so far, plus a rubber band to the pointer for the polygon tool. */
    private void updatePolygonPreview(Point2D pointer) {
        List<Double> points = new ArrayList<>();
        for (PolygonFill.Point p : polygon) {
            points.add(p.x());
            points.add(p.y());
        }
        if (pointer != null) {
            points.add(pointer.getX());
            points.add(pointer.getY());
        }
        polygonPreview.getPoints().setAll(points);
    }

    /** The ring cursor shows the brush's real size on screen. */
    private void updateRing() {
        boolean show = model.toolProperty().get().usesBrushSize() && pointerInside && !spaceDown;
        double radius = model.brushSizeProperty().get() / 2 * zoom.get();
        for (Circle ring : new Circle[]{ringOuter, ringInner}) {
            ring.setVisible(show);
            ring.setCenterX(lastMouseX);
            ring.setCenterY(lastMouseY);
            ring.setRadius(Math.max(1, radius));
        }
    }
}
