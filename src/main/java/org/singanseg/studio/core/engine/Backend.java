package org.singanseg.studio.core.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which ND4J native build is running, in words a user can read ("CPU (oneDNN), 2 threads" or
 * "GPU (CUDA): NVIDIA ..., 24.0 GiB"), and whether it has oneDNN: the CPU build without it runs
 * SinGAN's convolutions several times slower.
 */
public final class Backend {
    /** Asks JavaCPP for particular native builds when several are on the class path. */
    public static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /**
     * oneDNN for the CPU backend, cuDNN for the CUDA one (cuda profile): each native library takes
     * the first of these builds it has, else its plain build (Apple silicon has no oneDNN one).
     */
    static final String PREFERRED_BUILDS = "-onednn" + File.pathSeparator + "-cudnn";
    /**
     * JavaCPP's limit on the process's resident memory; while it is positive, every native
     * allocation reads /proc/self/statm (about 1.5% of a coarse-scale training iteration). The
     * off-heap limit (org.bytedeco.javacpp.maxbytes) stays, and {@code NativeGarbage} keeps
     * training's native memory flat.
     */
    static final String MAX_PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Backend() {
    }

    /**
     * Must run before the first ND4J call: picks the native builds (keeping a choice the user set)
     * and, in a CUDA build, checks that CUDA can start, falling back to the CPU if not. Also turns
     * off JavaCPP's resident-memory check unless the user set a limit.
     */
    public static void prepare() {
        if (System.getProperty(PLATFORM_EXTENSION_PROPERTY) == null) {
            System.setProperty(PLATFORM_EXTENSION_PROPERTY, PREFERRED_BUILDS);
        }
        if (System.getProperty(MAX_PHYSICAL_BYTES_PROPERTY) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES_PROPERTY, "0");
        }
        CudaCheck.problem();
    }

    public static String buildInfo() {
        return nativeOps().buildInfo();
    }

    public static boolean hasOneDnn() {
        return buildInfo().contains("HAVE_ONEDNN");
    }

    public static int threads() {
        return nativeOps().ompGetMaxThreads();
    }

    public static boolean isCuda() {
        return !Nd4j.getEnvironment().isCPU();
    }

    /** A one-line description for status bars, logs and {@code --version}. */
    public static String describe() {
        if (isCuda()) {
            int device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
            return gpu(nativeOps().getDeviceName(device), nativeOps().getDeviceTotalMemory(device));
        }
        return cpu(hasOneDnn(), threads(), CudaCheck.problem());
    }

    static String gpu(String name, long memoryBytes) {
        return String.format(Locale.ROOT, "GPU (CUDA): %s, %.1f GiB", name.trim(), memoryBytes / (double) (1L << 30));
    }

    static String cpu(boolean oneDnn, int threads, Optional<String> cudaProblem) {
        String library = oneDnn ? "oneDNN" : "no oneDNN: slow convolutions";
        String cpu = "CPU (" + library + "), " + threads + (threads == 1 ? " thread" : " threads");
        return cudaProblem.map(problem -> cpu + " - CUDA not available: " + problem).orElse(cpu);
    }

    /** The CPU's model name, as Linux's /proc/cpuinfo gives it; empty elsewhere. */
    public static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static NativeOps nativeOps() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }
}
