package org.singanseg.studio.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaskToolsTest {

    @Test
    void strokeSetsExactlyThePixelsWithinTheRadiusOfTheSegment() {
        MaskRaster mask = new MaskRaster(60, 40);
        PixelRegion changed = Brush.stroke(mask, 10.2, 12.7, 45.9, 30.1, 7, true);
        int inside = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                double d = Math.sqrt(Brush.distanceSquaredToSegment(x + 0.5, y + 0.5, 10.2, 12.7, 35.7, 17.4, 35.7 * 35.7 + 17.4 * 17.4));
                assertEquals(d <= 3.5, mask.get(x, y), "pixel " + x + "," + y + " at distance " + d);
                if (mask.get(x, y)) {
                    inside++;
                    assertTrue(x >= changed.x() && x < changed.right() && y >= changed.y() && y < changed.bottom());
                }
            }
        }
        // A capsule: length x diameter + one disc, within a pixel-rounding margin.
        double expected = Math.hypot(35.7, 17.4) * 7 + Math.PI * 3.5 * 3.5;
        assertEquals(expected, inside, expected * 0.05);
    }

    @Test
    void eraserStrokeClearsAndIsClippedAtTheImageEdge() {
        MaskRaster mask = new MaskRaster(20, 20);
        mask.fill(true);
        PixelRegion changed = Brush.stroke(mask, -5, 10, 3, 10, 4, false);
        assertEquals(0, changed.x());
        assertFalse(mask.get(0, 10));
        assertFalse(mask.get(4, 10));
        assertTrue(mask.get(6, 10));
        assertTrue(mask.get(0, 0));
    }

    @Test
    void sizeOneBrushPaintsOnePixel() {
        MaskRaster mask = new MaskRaster(10, 10);
        Brush.stroke(mask, 4.5, 4.5, 4.5, 4.5, 1, true);
        assertEquals(1, mask.countInside());
        assertTrue(mask.get(4, 4));
        MaskRaster corner = new MaskRaster(10, 10);
        Brush.stroke(corner, 6.05, 2.95, 6.05, 2.95, 1, true);
        assertTrue(corner.get(6, 2), "a click near a pixel's corner paints that pixel");
        assertEquals(1, corner.countInside());
    }

    @Test
    void floodFillStopsAtTheBoundaryAndSkipsDiagonalLeaks() {
        // A closed ring with a diagonal gap: 4-connected fill must not leak through it.
        MaskRaster mask = new MaskRaster(12, 12);
        for (int i = 2; i <= 9; i++) {
            mask.set(i, 2, true);
            mask.set(i, 9, true);
            mask.set(2, i, true);
            mask.set(9, i, true);
        }
        PixelRegion changed = FloodFill.fill(mask, 5, 5, true);
        assertEquals(new PixelRegion(3, 3, 6, 6), changed);
        assertEquals(8 * 8, mask.countInside());
        assertFalse(mask.get(1, 1));
        assertEquals(PixelRegion.EMPTY, FloodFill.fill(mask, 5, 5, true), "already filled");
        assertEquals(PixelRegion.EMPTY, FloodFill.fill(mask, 50, 5, true), "outside the image");
    }

    @Test
    void floodFillOfTheOutsideLeavesTheHoleAlone() {
        MaskRaster mask = new MaskRaster(30, 20);
        Brush.stroke(mask, 15, 10, 15, 10, 9, true);
        long disc = mask.countInside();
        FloodFill.fill(mask, 0, 0, true);
        assertEquals(30 * 20, mask.countInside());
        FloodFill.fill(mask, 0, 0, false);
        assertEquals(0, mask.countInside(), "disc touches the rest: one 4-connected area once all is filled");
        assertTrue(disc > 50);
    }

    @Test
    void polygonFillsPixelsWhoseCentresAreInside() {
        MaskRaster mask = new MaskRaster(20, 20);
        PixelRegion changed = PolygonFill.fill(mask, List.of(new PolygonFill.Point(2, 3), new PolygonFill.Point(12, 3),
                new PolygonFill.Point(12, 8), new PolygonFill.Point(2, 8)), true);
        assertEquals(new PixelRegion(2, 3, 10, 5), changed);
        assertEquals(50, mask.countInside());
        // A triangle: area 0.5 * 16 * 16 = 128 pixels, give or take the edge.
        MaskRaster triangle = new MaskRaster(20, 20);
        PolygonFill.fill(triangle, List.of(new PolygonFill.Point(0, 0), new PolygonFill.Point(16, 0), new PolygonFill.Point(0, 16)), true);
        assertEquals(128, triangle.countInside(), 10);
        assertTrue(triangle.get(0, 0));
        assertFalse(triangle.get(15, 15));
    }

    @Test
    void selfIntersectingPolygonUsesEvenOdd() {
        MaskRaster mask = new MaskRaster(20, 20);
        // A bow tie: two triangles meeting at the centre; nothing above or below the crossing.
        PolygonFill.fill(mask, List.of(new PolygonFill.Point(0, 0), new PolygonFill.Point(20, 20),
                new PolygonFill.Point(20, 0), new PolygonFill.Point(0, 20)), true);
        assertTrue(mask.get(2, 10));
        assertTrue(mask.get(17, 10));
        assertFalse(mask.get(10, 2));
        assertFalse(mask.get(10, 17));
    }

    @Test
    void figuresCountAreaAndEightConnectedRegions() {
        MaskRaster mask = new MaskRaster(10, 8);
        mask.set(1, 1, true);
        mask.set(2, 2, true); // diagonal neighbour: same region
        mask.set(6, 1, true);
        mask.set(6, 2, true);
        mask.set(0, 7, true);
        // A U shape: its arms join lower down, one region.
        for (int y = 4; y <= 6; y++) {
            mask.set(4, y, true);
            mask.set(8, y, true);
        }
        for (int x = 4; x <= 8; x++) {
            mask.set(x, 6, true);
        }
        MaskFigures figures = MaskFigures.of(mask);
        assertEquals(4, figures.regions());
        assertEquals(mask.countInside(), figures.insidePixels());
        assertEquals(mask.countInside() / 80.0, figures.coverage(), 1e-12);
        assertTrue(MaskFigures.of(new MaskRaster(5, 5)).isEmpty());
        MaskRaster full = new MaskRaster(5, 5);
        full.fill(true);
        assertTrue(MaskFigures.of(full).isFull());
        assertEquals(1, MaskFigures.of(full).regions());
    }
}
