package org.singanseg.studio.core.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which ND4J native build is running, in words a user can read ("CPU (oneDNN), 2 threads"), and
 * whether it has oneDNN: the CPU build without it runs SinGAN's convolutions several times slower.
 */
public final class Backend {
    /** Asks JavaCPP for the oneDNN natives when both builds are on the class path. */
    public static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private Backend() {
    }

    /** Must run before the first ND4J call; keeps a value the user set. */
    public static void preferOneDnn() {
        if (System.getProperty(PLATFORM_EXTENSION_PROPERTY) == null) {
            System.setProperty(PLATFORM_EXTENSION_PROPERTY, "-onednn");
        }
    }

    public static String buildInfo() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }

    public static boolean hasOneDnn() {
        return buildInfo().contains("HAVE_ONEDNN");
    }

    public static int threads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    public static boolean isCuda() {
        return Nd4j.getBackend().getClass().getSimpleName().toLowerCase().contains("cuda");
    }

    /** A one-line description for status bars, logs and {@code --version}. */
    public static String describe() {
        if (isCuda()) {
            return "GPU (CUDA)";
        }
        String library = hasOneDnn() ? "oneDNN" : "no oneDNN: slow convolutions";
        int threads = threads();
        return "CPU (" + library + "), " + threads + (threads == 1 ? " thread" : " threads");
    }
}
