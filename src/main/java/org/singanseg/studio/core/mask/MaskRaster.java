package org.singanseg.studio.core.mask;

import java.util.Arrays;

/**
 * A binary polyp mask in image coordinates: one byte a pixel, 1 inside the polyp, 0 outside.
 * Mutable and not thread-safe: the mask editor owns it and hands out copies.
 */
public final class MaskRaster {
    private final int width;
    private final int height;
    private final byte[] pixels;

    public MaskRaster(int width, int height) {
        this(width, height, new byte[Math.multiplyExact(width, height)]);
    }

    private MaskRaster(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public static MaskRaster of(boolean[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException(mask.length + " mask values for a " + width + "x" + height + " image");
        }
        MaskRaster raster = new MaskRaster(width, height);
        for (int i = 0; i < mask.length; i++) {
            raster.pixels[i] = (byte) (mask[i] ? 1 : 0);
        }
        return raster;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelRegion bounds() {
        return new PixelRegion(0, 0, width, height);
    }

    public boolean get(int x, int y) {
        return pixels[y * width + x] != 0;
    }

    public void set(int x, int y, boolean inside) {
        pixels[y * width + x] = (byte) (inside ? 1 : 0);
    }

    /** Sets a run of pixels of one row, [fromX, toXExclusive). */
    void setRow(int y, int fromX, int toXExclusive, boolean inside) {
        Arrays.fill(pixels, y * width + fromX, y * width + toXExclusive, (byte) (inside ? 1 : 0));
    }

    public long countInside() {
        long count = 0;
        for (byte pixel : pixels) {
            count += pixel;
        }
        return count;
    }

    public boolean[] toBooleans() {
        boolean[] mask = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            mask[i] = pixels[i] != 0;
        }
        return mask;
    }

    public MaskRaster copy() {
        return new MaskRaster(width, height, pixels.clone());
    }

    /** The pixels of a region, row by row. */
    public byte[] read(PixelRegion region) {
        byte[] out = new byte[Math.toIntExact(region.area())];
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(pixels, (region.y() + row) * width + region.x(), out, row * region.width(), region.width());
        }
        return out;
    }

    /** Writes pixels read from a region of the same size back into it. */
    public void write(PixelRegion region, byte[] values) {
        if (values.length != region.area()) {
            throw new IllegalArgumentException(values.length + " values for a region of " + region.area());
        }
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(values, row * region.width(), pixels, (region.y() + row) * width + region.x(), region.width());
        }
    }

    /** Sets every pixel to the value; returns the whole image as the changed region. */
    public PixelRegion fill(boolean inside) {
        Arrays.fill(pixels, (byte) (inside ? 1 : 0));
        return bounds();
    }

    public PixelRegion invert() {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] ^= 1;
        }
        return bounds();
    }

    /** Raw access for the statistics and painting code of this package. */
    byte[] pixels() {
        return pixels;
    }
}
