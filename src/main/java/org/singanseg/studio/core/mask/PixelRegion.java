package org.singanseg.studio.core.mask;

/** A rectangle of pixels [x, x + width) x [y, y + height) in image coordinates; empty when either side is 0. */
public record PixelRegion(int x, int y, int width, int height) {
    public static final PixelRegion EMPTY = new PixelRegion(0, 0, 0, 0);

    public PixelRegion {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative region size " + width + "x" + height);
        }
    }

    public static PixelRegion ofBounds(int left, int top, int rightExclusive, int bottomExclusive) {
        if (rightExclusive <= left || bottomExclusive <= top) {
            return EMPTY;
        }
        return new PixelRegion(left, top, rightExclusive - left, bottomExclusive - top);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public PixelRegion union(PixelRegion other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        return ofBounds(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(right(), other.right()), Math.max(bottom(), other.bottom()));
    }

    public PixelRegion intersect(PixelRegion other) {
        return ofBounds(Math.max(x, other.x), Math.max(y, other.y),
                Math.min(right(), other.right()), Math.min(bottom(), other.bottom()));
    }

    /** The region grown by the given number of pixels on every side. */
    public PixelRegion grow(int pixels) {
        return isEmpty() ? this : ofBounds(x - pixels, y - pixels, right() + pixels, bottom() + pixels);
    }
}
