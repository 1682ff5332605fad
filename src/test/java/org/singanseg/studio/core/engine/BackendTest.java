package org.singanseg.studio.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void describesTheCpuAndWhyCudaIsNotUsed() {
        assertEquals("CPU (oneDNN), 2 threads", Backend.cpu(true, 2, Optional.empty()));
        assertEquals("CPU (no oneDNN: slow convolutions), 1 thread", Backend.cpu(false, 1, Optional.empty()));
        assertEquals("CPU (oneDNN), 8 threads - CUDA not available: no NVIDIA driver",
                Backend.cpu(true, 8, Optional.of("no NVIDIA driver")));
    }

    @Test
    void describesTheGpuByNameAndMemory() {
        assertEquals("GPU (CUDA): NVIDIA GeForce RTX 3060, 12.0 GiB",
                Backend.gpu("NVIDIA GeForce RTX 3060 ", 12L << 30));
    }

    @Test
    void explainsWhyCudaCannotStartFromTheMissingLibrary() {
        String cache = "/home/u/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/";
        assertEquals("no NVIDIA driver (libcuda.so.1 not found)", CudaCheck.explain(new UnsatisfiedLinkError(
                cache + "libjnicudart.so: libcuda.so.1: cannot open shared object file: No such file or directory")));
        assertEquals("no CUDA 11.6 runtime (libcudart.so.11.0 not found)", CudaCheck.explain(new UnsatisfiedLinkError(
                cache + "libjnicudart.so: libcudart.so.11.0: cannot open shared object file: No such file or directory")));
        assertEquals("no cuDNN 8 (libcudnn.so.8 not found)", CudaCheck.explain(new UnsatisfiedLinkError(
                "/x/libnd4jcuda.so: libcudnn.so.8: cannot open shared object file: No such file or directory")));
        assertEquals("no NVIDIA GPU found, or its driver is older than CUDA 11.6", CudaCheck.explain(
                new RuntimeException(new RuntimeException("No CUDA devices were found in system"))));
        assertEquals("Can't find dependent libraries", CudaCheck.explain(new UnsatisfiedLinkError(
                "C:\\Users\\u\\.javacpp\\cache\\jnicudart.dll: Can't find dependent libraries")));
    }

    @Test
    void knowsWhichGpusTheCudaBuildHasKernelsFor() {
        assertEquals(Optional.empty(), CudaCheck.unsupported("NVIDIA GeForce RTX 3060", 8, 6));
        assertEquals(Optional.empty(), CudaCheck.unsupported("NVIDIA L4", 8, 9));
        assertEquals(Optional.empty(), CudaCheck.unsupported("Tesla K80", 3, 7));
        assertEquals(Optional.of("NVIDIA H200 has compute capability 9.0; this CUDA 11.6 build runs on 3.7 to 8.9"),
                CudaCheck.unsupported("NVIDIA H200 ", 9, 0));
        assertEquals(Optional.of("Tesla K40m has compute capability 3.5; this CUDA 11.6 build runs on 3.7 to 8.9"),
                CudaCheck.unsupported("Tesla K40m", 3, 5));
    }
}
