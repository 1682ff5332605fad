package org.singanseg.studio.core.nn.compute;

import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.stream;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.engine.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oneDNN library the layers call directly ({@link OneDnnConvolution}), beside the copy inside
 * libnd4j (both run on ND4J's OpenMP library): one CPU engine, and a stream and scratch buffers
 * per calling thread, which is the engine thread in the app. Used for float32 arrays on the CPU
 * backend when the library loads; the system property {@value #PROPERTY}=false turns it off
 * (libnd4j's ops then run every convolution, as in double precision and on a GPU).
 */
public final class DirectOneDnn {
    static final String PROPERTY = "studio.onednn.direct";
    private static final Logger LOG = LoggerFactory.getLogger(DirectOneDnn.class);

    private static final class Holder {
        static final engine ENGINE;

        static {
            engine created = null;
            if (!"false".equalsIgnoreCase(System.getProperty(PROPERTY)) && Nd4j.getEnvironment().isCPU()) {
                try {
                    created = new engine(engine.kind.cpu, 0);
                } catch (Throwable e) {
                    // An OS without a build of the library (Apple silicon) or a broken install.
                    LOG.warn("oneDNN could not start; convolutions run through libnd4j", e);
                }
            }
            ENGINE = created;
        }
    }

    /** Streams are cheap; one per thread keeps a stray caller off the engine thread's. */
    private static final ThreadLocal<stream> STREAMS = ThreadLocal.withInitial(() -> new stream(Holder.ENGINE));
    /** Staging buffers for activations in a primitive's own layout ({@link StagedActivation}). */
    private static final ThreadLocal<ScratchBuffers> SCRATCH = ThreadLocal.withInitial(ScratchBuffers::new);

    private DirectOneDnn() {
    }

    /** Whether convolutions of this type run through the direct library. */
    static boolean handles(DataType type) {
        return type == DataType.FLOAT && Holder.ENGINE != null;
    }

    static engine engine() {
        return Holder.ENGINE;
    }

    static stream stream() {
        return STREAMS.get();
    }

    /** The scratch slot of {@link GemmWeightGradient}'s widened gradient; 0 to 2 stage activations. */
    static final int GEMM_SLOT = 3;
    /** The scratch slots of {@link WinogradConvolution}'s transformed source and target. */
    static final int WINOGRAD_SOURCE_SLOT = 4;
    static final int WINOGRAD_TARGET_SLOT = 5;

    /** A buffer of at least the given size, the same one for a slot until a larger size is asked. */
    static Pointer scratch(int slot, long bytes) {
        return SCRATCH.get().get(slot, bytes);
    }

    /** Which library runs float32 convolutions, for logs and the bench. */
    public static String describe() {
        if (Holder.ENGINE == null) {
            return "float32 convolutions through libnd4j";
        }
        var version = dnnl.dnnl_version();
        return "float32 convolutions by oneDNN " + version.major() + "." + version.minor() + "." + version.patch()
                + " directly, instruction set " + instructionSet();
    }

    /** The instruction set oneDNN's kernels use here ("avx512_core", "avx2", ...; DNNL_MAX_CPU_ISA can lower it). */
    static String instructionSet() {
        int isa = dnnl.dnnl_get_effective_cpu_isa();
        for (dnnl.cpu_isa known : dnnl.cpu_isa.values()) {
            if (known.value == isa) {
                return known.name();
            }
        }
        return "0x" + Integer.toHexString(isa);
    }

    /** Whether oneDNN's kernels use AVX-512 here (DNNL_MAX_CPU_ISA can turn it off). */
    static boolean hasAvx512() {
        int isa = dnnl.dnnl_get_effective_cpu_isa();
        return (isa & dnnl.dnnl_cpu_isa_avx512_core) == dnnl.dnnl_cpu_isa_avx512_core;
    }

    /** The CPU's model, where the OS says it, and {@link #instructionSet}, for logs. */
    static String cpu() {
        return Backend.cpuModel().map(model -> model + ", ").orElse("") + "instruction set " + instructionSet();
    }

    static memory.desc desc(memory.format_tag layout, long... dims) {
        return new memory.desc(dims, memory.data_type.f32, layout);
    }

    /** A memory object whose data handle is set before each use. */
    static memory unboundMemory(memory.desc desc) {
        return new memory(desc, engine(), new Pointer());
    }

    /** A memory object with its own buffer, freed with it. */
    static memory ownedMemory(memory.desc desc) {
        return new memory(desc, engine());
    }

    /** A few growing buffers, 64-byte aligned as oneDNN's kernels prefer. */
    private static final class ScratchBuffers {
        private static final int ALIGNMENT = 64;
        private final BytePointer[] buffers = new BytePointer[6];

        Pointer get(int slot, long bytes) {
            BytePointer buffer = buffers[slot];
            if (buffer == null || buffer.capacity() < bytes + ALIGNMENT) {
                if (buffer != null) {
                    buffer.deallocate();
                }
                buffer = new BytePointer(bytes + ALIGNMENT);
                buffers[slot] = buffer;
            }
            long aligned = (buffer.address() + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
            return at(aligned);
        }
    }

    /** The array itself if it is dense in C order (what oneDNN reads), else a dense copy. */
    static INDArray dense(INDArray array) {
        return isDense(array) ? array : array.dup('c');
    }

    /** The address of an array's first element; the array must be dense in C order. */
    static Pointer address(INDArray array) {
        if (!isDense(array)) {
            throw new IllegalArgumentException("oneDNN needs a dense C-order array, got strides "
                    + java.util.Arrays.toString(array.stride()));
        }
        // The buffer's pointer already starts at the buffer's own offset, which a view may share.
        return at(array.data().addressPointer().address()
                + (array.offset() - array.data().offset()) * array.dataType().width());
    }

    static Pointer at(long location) {
        // Inside the subclass, "address" names Pointer's field, hence the parameter's other name.
        return new Pointer() {
            {
                address = location;
            }
        };
    }

    /** C-order strides on every axis longer than 1 (the stride of a length-1 axis never matters). */
    private static boolean isDense(INDArray array) {
        long expected = 1;
        for (int axis = array.rank() - 1; axis >= 0; axis--) {
            long size = array.size(axis);
            if (size > 1 && array.stride(axis) != expected) {
                return false;
            }
            expected *= size;
        }
        return true;
    }
}
