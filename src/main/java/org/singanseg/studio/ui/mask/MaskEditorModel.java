package org.singanseg.studio.ui.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.singanseg.studio.core.mask.Brush;
import org.singanseg.studio.core.mask.FloodFill;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.mask.MaskHistory;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.mask.PixelRegion;
import org.singanseg.studio.core.mask.PolygonFill;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/**
 * The mask being edited, in image coordinates, with the tool settings, undo/redo and the live
 * figures. Holds no JavaFX nodes: the canvas calls these methods with image coordinates and
 * repaints the regions it is told have changed. Every edit becomes one undo step when it ends
 * (a whole brush stroke is one step).
 */
public final class MaskEditorModel {
    public static final double MIN_BRUSH = 1;
    public static final double MAX_BRUSH = 400;

    private final Executor background;
    private final Executor ui;
    private final List<Consumer<PixelRegion>> changeListeners = new ArrayList<>();

    private final ObjectProperty<MaskTool> tool = new SimpleObjectProperty<>(MaskTool.BRUSH);
    private final DoubleProperty brushSize = new SimpleDoubleProperty(24);
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty outlineMode = new SimpleBooleanProperty(false);
    private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(0.45);
    private final ObjectProperty<Color> overlayColor = new SimpleObjectProperty<>(Color.web("#00e676"));
    private final ReadOnlyObjectWrapper<MaskFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    /** Goes up with every change of the mask; savers compare it with the revision they wrote. */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    private MaskRaster mask;
    private MaskHistory history;
    private PixelRegion openEdit = PixelRegion.EMPTY;
    private double strokeX;
    private double strokeY;
    private boolean strokeErases;
    private boolean stroking;
    private long figuresRequested;

    /**
     * @param background runs the figures count off the UI thread
     * @param ui         delivers results back to the UI thread (a direct executor in tests)
     */
    public MaskEditorModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
        brushSize.addListener((obs, old, size) -> {
            double clamped = Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, size.doubleValue()));
            if (clamped != size.doubleValue()) {
                brushSize.set(clamped);
            }
        });
    }

    /** Starts editing a mask (a newly opened project); the undo history starts empty. */
    public void load(MaskRaster newMask) {
        mask = newMask;
        history = new MaskHistory(newMask);
        openEdit = PixelRegion.EMPTY;
        stroking = false;
        changed(newMask.bounds());
        settled();
    }

    public boolean hasMask() {
        return mask != null;
    }

    public int width() {
        return mask.width();
    }

    public int height() {
        return mask.height();
    }

    public boolean isInside(int x, int y) {
        return mask.get(x, y);
    }

    /** A copy for saving or exporting, safe to hand to another thread. */
    public MaskRaster snapshot() {
        return mask.copy();
    }

    public void addChangeListener(Consumer<PixelRegion> listener) {
        changeListeners.add(listener);
    }

    // Brush and eraser strokes -----------------------------------------------------------------

    /** Mouse pressed: paints a dot; the eraser tool, or {@code erase}, removes instead. */
    public void beginStroke(double x, double y, boolean erase) {
        stroking = true;
        strokeErases = erase || tool.get() == MaskTool.ERASER;
        strokeX = x;
        strokeY = y;
        edit(Brush.stroke(mask, x, y, x, y, brushSize.get(), !strokeErases));
    }

    /** Mouse dragged: paints the segment from the last position, so fast moves leave no gaps. */
    public void continueStroke(double x, double y) {
        if (!stroking) {
            return;
        }
        edit(Brush.stroke(mask, strokeX, strokeY, x, y, brushSize.get(), !strokeErases));
        strokeX = x;
        strokeY = y;
    }

    public void endStroke() {
        if (stroking) {
            stroking = false;
            commit();
        }
    }

    // One-shot edits ---------------------------------------------------------------------------

    public void floodFill(double x, double y, boolean erase) {
        edit(FloodFill.fill(mask, (int) Math.floor(x), (int) Math.floor(y), !erase));
        commit();
    }

    public void fillPolygon(List<PolygonFill.Point> polygon, boolean erase) {
        edit(PolygonFill.fill(mask, polygon, !erase));
        commit();
    }

    public void clear() {
        edit(mask.fill(false));
        commit();
    }

    public void invert() {
        edit(mask.invert());
        commit();
    }

    /** Puts an imported mask (already of the image's size) in place as one undoable step. */
    public void replace(MaskRaster imported) {
        if (imported.width() != mask.width() || imported.height() != mask.height()) {
            throw new IllegalArgumentException("imported mask " + imported.width() + "x" + imported.height()
                    + " for a " + mask.width() + "x" + mask.height() + " image");
        }
        mask.write(mask.bounds(), imported.read(imported.bounds()));
        edit(mask.bounds());
        commit();
    }

    public void undo() {
        endStroke();
        changed(history.undo(mask));
        settled();
    }

    public void redo() {
        endStroke();
        changed(history.redo(mask));
        settled();
    }

    public void growBrush() {
        brushSize.set(Math.round(brushSize.get() * 1.25 + 1));
    }

    public void shrinkBrush() {
        brushSize.set(Math.round(brushSize.get() / 1.25));
    }

    private void edit(PixelRegion region) {
        openEdit = openEdit.union(region);
        changed(region);
    }

    private void commit() {
        history.record(mask, openEdit);
        openEdit = PixelRegion.EMPTY;
        settled();
    }

    private void changed(PixelRegion region) {
        if (region.isEmpty()) {
            return;
        }
        revision.set(revision.get() + 1);
        for (Consumer<PixelRegion> listener : changeListeners) {
            listener.accept(region);
        }
    }

    /** An edit is complete: undo state and figures catch up (not during a stroke, for speed). */
    private void settled() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        requestFigures();
    }

    /** Counts on a copy off the UI thread; only the newest request's answer is shown. */
    private void requestFigures() {
        long request = ++figuresRequested;
        MaskRaster copy = mask.copy();
        background.execute(() -> {
            MaskFigures result = MaskFigures.of(copy);
            ui.execute(() -> {
                if (request == figuresRequested) {
                    figures.set(result);
                }
            });
        });
    }

    // Properties -------------------------------------------------------------------------------

    public ObjectProperty<MaskTool> toolProperty() {
        return tool;
    }

    public DoubleProperty brushSizeProperty() {
        return brushSize;
    }

    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    public BooleanProperty outlineModeProperty() {
        return outlineMode;
    }

    public DoubleProperty overlayOpacityProperty() {
        return overlayOpacity;
    }

    public ObjectProperty<Color> overlayColorProperty() {
        return overlayColor;
    }

    public ReadOnlyObjectProperty<MaskFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
