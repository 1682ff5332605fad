package org.singanseg.studio.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.nd4j.nativeblas.NativeOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether ND4J's CUDA backend, on the class path only in builds with the cuda profile, can start
 * here, and if not, why. ND4J tries CUDA first and falls back to the CPU by itself when the driver
 * or a GPU is missing, but then only logs why; and when a library it loads later is missing (cuDNN,
 * say) or the GPU is too new for its kernels, it fails instead of falling back. So this check runs
 * before ND4J starts, loads everything CUDA needs and looks at the GPU, and when that fails, hides
 * the CUDA backend from ND4J, which then starts on the CPU.
 */
final class CudaCheck {
    static final String BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    /** ND4J's CUDA natives; loading them loads the CUDA runtime, cuBLAS and cuDNN too. */
    static final String NATIVES = "org.nd4j.linalg.jcublas.bindings.Nd4jCuda";
    /**
     * The compute capabilities (major * 10 + minor) that ND4J 1.0.0-M2.1's CUDA build has kernels
     * for, read from its library's fat binaries; it has no PTX, so a GPU needs kernels of its own
     * major version and an equal or lower minor one (8.6 serves 8.9, nothing serves 9.0).
     */
    private static final int[] KERNELS = {37, 50, 52, 60, 61, 70, 75, 80, 86};
    private static final Logger LOG = LoggerFactory.getLogger(CudaCheck.class);
    /** What a missing library or an error means, by a part of its name or message; first match wins. */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("libcuda.", "no NVIDIA driver");
        KNOWN.put("libcudnn", "no cuDNN 8");
        KNOWN.put("libcu", "no CUDA 11.6 runtime");
        KNOWN.put("No CUDA devices", "no NVIDIA GPU found, or its driver is older than CUDA 11.6");
    }

    private static Optional<String> problem;

    private CudaCheck() {
    }

    /** Why CUDA cannot start here; empty when it can or when this build has no CUDA. Checked once. */
    static synchronized Optional<String> problem() {
        if (problem == null) {
            problem = check();
            problem.ifPresent(reason -> {
                LOG.info("CUDA cannot start here ({}), so the engine runs on the CPU", reason);
                ND4JClassLoading.setNd4jClassloader(new HiddenBackendLoader(ND4JClassLoading.getNd4jClassloader(), BACKEND));
            });
        }
        return problem;
    }

    private static Optional<String> check() {
        ClassLoader loader = ND4JClassLoading.getNd4jClassloader();
        Nd4jBackend cuda;
        try {
            cuda = (Nd4jBackend) Class.forName(BACKEND, true, loader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of(e.toString());
        }
        try {
            cuda.canRun(); // counts the GPUs through the driver and the CUDA runtime
            NativeOps natives = (NativeOps) Class.forName(NATIVES, true, loader).getDeclaredConstructor().newInstance();
            return unsupported(natives.getDeviceName(0), natives.getDeviceMajor(0), natives.getDeviceMinor(0));
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            LOG.debug("What CUDA reported", e);
            return Optional.of(explain(e));
        }
    }

    /** Why ND4J's CUDA build cannot run on this GPU (ND4J uses the first); empty if it can. */
    static Optional<String> unsupported(String gpu, int major, int minor) {
        for (int kernels : KERNELS) {
            if (kernels / 10 == major && kernels % 10 <= minor) {
                return Optional.empty();
            }
        }
        return Optional.of(gpu.trim() + " has compute capability " + major + "." + minor
                + "; this CUDA 11.6 build runs on 3.7 to 8.9");
    }

    /**
     * The cause in a few words. A library that fails to load names the file it is missing
     * ("PATH: libcuda.so.1: cannot open shared object file: ..."), which says what to install.
     */
    static String explain(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String detail = String.valueOf(cause.getMessage());
        int afterPath = detail.indexOf(": ");
        if (cause instanceof UnsatisfiedLinkError && afterPath > 0) {
            detail = detail.substring(afterPath + 2);
        }
        int missing = detail.indexOf(": cannot open shared object file");
        String file = missing > 0 ? " (" + detail.substring(0, missing) + " not found)" : "";
        for (Map.Entry<String, String> known : KNOWN.entrySet()) {
            if (detail.contains(known.getKey())) {
                return known.getValue() + file;
            }
        }
        return detail;
    }
}
