package org.singanseg.studio.ui.common;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that runs all ND4J work, in the order it was handed over, and that can say
 * whether work waits behind the task it runs: optional work that takes long (the duration
 * calibration) gives way to what the user asked for.
 */
public final class EngineExecutor extends ThreadPoolExecutor {
    public EngineExecutor(ThreadFactory threads) {
        super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** Whether a task waits for the engine thread. */
    public boolean workWaits() {
        return !getQueue().isEmpty();
    }
}
