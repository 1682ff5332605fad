package org.singanseg.studio.core.mask;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Undo and redo for a mask. Each step keeps only the changed rectangle, before and after,
 * deflated (binary masks compress to a few bytes per row), so even full-image steps on a
 * 48-megapixel mask stay small. It keeps a copy of the mask as of the last step to know "before"
 * without copying the mask when an edit starts.
 */
public final class MaskHistory {
    /** At least this many steps are kept; older ones go once the byte budget is used up as well. */
    public static final int MIN_STEPS = 50;
    private static final long BYTE_BUDGET = 64L << 20;

    private record Step(PixelRegion region, byte[] before, byte[] after) {
        long bytes() {
            return before.length + after.length;
        }
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private MaskRaster committed;
    private long bytes;

    public MaskHistory(MaskRaster mask) {
        committed = mask.copy();
    }

    /** Records the edit the mask received since the last step, in the given region. */
    public void record(MaskRaster mask, PixelRegion region) {
        if (region.isEmpty()) {
            return;
        }
        byte[] before = committed.read(region);
        byte[] after = mask.read(region);
        if (java.util.Arrays.equals(before, after)) {
            return;
        }
        committed.write(region, after);
        push(undo, new Step(region, deflate(before), deflate(after)));
        bytes -= redo.stream().mapToLong(Step::bytes).sum();
        redo.clear();
        while (undo.size() > MIN_STEPS && bytes > BYTE_BUDGET) {
            bytes -= undo.removeLast().bytes();
        }
    }

    /** Forgets all steps and takes the mask as it is now as the starting point (a new mask was loaded). */
    public void reset(MaskRaster mask) {
        undo.clear();
        redo.clear();
        bytes = 0;
        committed = mask.copy();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Restores the mask as before the last step; returns the changed region (empty if nothing to undo). */
    public PixelRegion undo(MaskRaster mask) {
        if (undo.isEmpty()) {
            return PixelRegion.EMPTY;
        }
        Step step = undo.pop();
        bytes -= step.bytes();
        apply(mask, step.region(), step.before());
        push(redo, step);
        return step.region();
    }

    public PixelRegion redo(MaskRaster mask) {
        if (redo.isEmpty()) {
            return PixelRegion.EMPTY;
        }
        Step step = redo.pop();
        bytes -= step.bytes();
        apply(mask, step.region(), step.after());
        push(undo, step);
        return step.region();
    }

    private void push(Deque<Step> stack, Step step) {
        stack.push(step);
        bytes += step.bytes();
    }

    private void apply(MaskRaster mask, PixelRegion region, byte[] deflated) {
        byte[] pixels = inflate(deflated, Math.toIntExact(region.area()));
        mask.write(region, pixels);
        committed.write(region, pixels);
    }

    private static byte[] deflate(byte[] pixels) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(pixels);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, pixels.length / 64));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] deflated, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] pixels = new byte[length];
            int read = 0;
            while (read < length && !inflater.finished()) {
                read += inflater.inflate(pixels, read, length - read);
            }
            return pixels;
        } catch (DataFormatException e) {
            throw new IllegalStateException("undo data damaged", e);
        } finally {
            inflater.end();
        }
    }
}
