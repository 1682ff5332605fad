package org.singanseg.studio.core.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many CPU threads the native ops use. At the coarsest SinGAN scales every op is so small that
 * waking a second thread costs more than it saves: one thread trained the 32x25 scale in 78 ms per
 * iteration where two needed 126 ms (measured on 2 cores). With OMP_WAIT_POLICY=passive every
 * native op wakes the sleeping second thread, so the break-even lies higher once the Java passes
 * are lean: per paper-preset iteration, one thread against two took 68 / 116 ms at 34x25,
 * 96 / 130 ms at 43x33, 160 / 178 ms at 56x42 and 240 / 260 ms at 71x54 (2 cores, medians of
 * 30 iterations over several runs). With the batch-norm passes vectorised and split over both
 * cores (an Intel AVX-512 machine, OMP_WAIT_POLICY=passive, medians of 60 iterations), two threads
 * took 121 against 129 ms at 56x42 and 195 against 237 ms at 71x54, hence the lower threshold.
 * With the short spin of {@link OpenMpWaiting} two threads still lose at 34x25 (40 against 31 ms)
 * and tie at 43x33 (53 ms), so the threshold stays.
 */
public final class EngineThreads {
    /** Images with fewer pixels than this train on one thread. */
    public static final int SINGLE_THREAD_BELOW_PIXELS = 2000;

    private static final int DEFAULT = Backend.threads();

    private EngineThreads() {
    }

    /** Sets the thread count for work on images of the given size; returns the previous count. */
    public static int useFor(int height, int width) {
        return set(height * width < SINGLE_THREAD_BELOW_PIXELS ? 1 : DEFAULT);
    }

    public static int set(int threads) {
        int previous = Backend.threads();
        if (threads != previous) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
        return previous;
    }
}
