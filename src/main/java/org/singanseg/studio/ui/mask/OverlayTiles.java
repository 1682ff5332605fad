package org.singanseg.studio.ui.mask;

import java.nio.IntBuffer;

import org.singanseg.studio.core.mask.PixelRegion;

import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The mask overlay as a grid of small images: JavaFX re-uploads a whole image when any pixel of
 * it changes, so tiles keep a brush stroke on a 48-megapixel image to a few small uploads.
 * Pixels are the colour (filled mode) or only the border pixels of the mask (outline mode). Each
 * tile carries the opacity itself: opacity on the group would make JavaFX render it offscreen.
 */
final class OverlayTiles extends Group {
    private static final int TILE = 512;

    private final MaskEditorModel model;
    private WritableImage[][] tiles = new WritableImage[0][0];
    private int gridWidth;
    private int gridHeight;
    private final int[] buffer = new int[TILE * TILE];

    OverlayTiles(MaskEditorModel model) {
        this.model = model;
        setMouseTransparent(true);
        visibleProperty().bind(model.overlayVisibleProperty());
        model.overlayColorProperty().addListener((obs, old, colour) -> repaintAll());
        model.outlineModeProperty().addListener((obs, old, outline) -> repaintAll());
    }

    /** Makes tiles for a mask of the given size and paints them all. */
    void rebuild(int width, int height) {
        getChildren().clear();
        gridWidth = width;
        gridHeight = height;
        int rows = (height + TILE - 1) / TILE;
        int columns = (width + TILE - 1) / TILE;
        tiles = new WritableImage[rows][columns];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                WritableImage tile = new WritableImage(Math.min(TILE, width - column * TILE), Math.min(TILE, height - row * TILE));
                tiles[row][column] = tile;
                ImageView view = new ImageView(tile);
                view.setLayoutX(column * TILE);
                view.setLayoutY(row * TILE);
                view.setSmooth(false);
                view.opacityProperty().bind(model.overlayOpacityProperty());
                getChildren().add(view);
            }
        }
        repaintAll();
    }

    void repaintAll() {
        if (model.hasMask()) {
            repaint(new PixelRegion(0, 0, model.width(), model.height()));
        }
    }

    /** Repaints the pixels of a changed region (and, in outline mode, their neighbours). */
    void repaint(PixelRegion changed) {
        // A new mask may arrive before its image does: the tiles are rebuilt (and painted) then.
        if (!model.hasMask() || model.width() != gridWidth || model.height() != gridHeight) {
            return;
        }
        PixelRegion image = new PixelRegion(0, 0, model.width(), model.height());
        PixelRegion region = changed.grow(1).intersect(image);
        int colour = argb(model.overlayColorProperty().get());
        boolean outline = model.outlineModeProperty().get();
        for (int row = region.y() / TILE; row <= (region.bottom() - 1) / TILE; row++) {
            for (int column = region.x() / TILE; column <= (region.right() - 1) / TILE; column++) {
                PixelRegion tileArea = new PixelRegion(column * TILE, row * TILE,
                        (int) tiles[row][column].getWidth(), (int) tiles[row][column].getHeight());
                PixelRegion part = region.intersect(tileArea);
                if (!part.isEmpty()) {
                    paint(tiles[row][column], tileArea, part, colour, outline);
                }
            }
        }
    }

    private void paint(WritableImage tile, PixelRegion tileArea, PixelRegion part, int colour, boolean outline) {
        int w = part.width();
        for (int y = part.y(); y < part.bottom(); y++) {
            for (int x = part.x(); x < part.right(); x++) {
                boolean on = model.isInside(x, y) && (!outline || isBorder(x, y));
                buffer[(y - part.y()) * w + (x - part.x())] = on ? colour : 0;
            }
        }
        tile.getPixelWriter().setPixels(part.x() - tileArea.x(), part.y() - tileArea.y(), w, part.height(),
                PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(buffer, 0, w * part.height()), w);
    }

    /** A mask pixel with a 4-neighbour outside the mask; the image edge counts as outside. */
    private boolean isBorder(int x, int y) {
        return x == 0 || y == 0 || x == model.width() - 1 || y == model.height() - 1
                || !model.isInside(x - 1, y) || !model.isInside(x + 1, y)
                || !model.isInside(x, y - 1) || !model.isInside(x, y + 1);
    }

    private static int argb(Color colour) {
        return 0xff000000 | ((int) Math.round(colour.getRed() * 255) << 16)
                | ((int) Math.round(colour.getGreen() * 255) << 8) | (int) Math.round(colour.getBlue() * 255);
    }
}
