package org.singanseg.studio.core.nn.compute;

/**
 * ND4J frees an array's native memory only after the garbage collector has collected the array's
 * Java object. A training loop makes little Java garbage but many small native allocations (scalar
 * arguments, reductions, op call structures), so collections are rare and resident memory grows
 * although nothing leaks. Calling {@link #collectIfDue} once per step collects at most once per
 * interval, which keeps memory flat at little cost.
 */
public final class NativeGarbage {
    private final long intervalNanos;
    private long lastCollection = System.nanoTime();

    public NativeGarbage(double intervalSeconds) {
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    /** One collection every two seconds at most. */
    public static NativeGarbage standard() {
        return new NativeGarbage(2.0);
    }

    public void collectIfDue() {
        long now = System.nanoTime();
        if (now - lastCollection >= intervalNanos) {
            System.gc();
            lastCollection = System.nanoTime();
        }
    }
}
