package org.singanseg.studio.core.nn.compute;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One call site of a libnd4j custom op with fixed arguments and caller-owned outputs. Building
 * the op and its context for every call cost a large share of a small convolution's time, so both
 * are reused; but a native context keeps a handle to every array ever set on it, so the context
 * is replaced every {@value #CALLS_PER_CONTEXT} calls.
 * Not thread-safe, like all engine objects.
 */
public final class NativeOp {
    private static final int CALLS_PER_CONTEXT = 256;

    private final DynamicCustomOp op;
    private final int inputCount;
    private final long[] intArgs;
    private final double[] floatArgs;
    private OpContext context;
    private int calls;

    NativeOp(String name, int inputCount, int[] intArgs, double... floatArgs) {
        this.op = DynamicCustomOp.builder(name).build();
        this.inputCount = inputCount;
        this.intArgs = Arrays.stream(intArgs).asLongStream().toArray();
        this.floatArgs = floatArgs.clone();
    }

    /** Runs the op on the given inputs (the first {@code inputCount} arrays) and outputs (the rest). */
    public void run(INDArray... arrays) {
        if (context == null || calls == CALLS_PER_CONTEXT) {
            renewContext();
        }
        calls++;
        context.setInputArrays(Arrays.copyOfRange(arrays, 0, inputCount));
        context.setOutputArrays(Arrays.copyOfRange(arrays, inputCount, arrays.length));
        Nd4j.exec(op, context);
    }

    private void renewContext() {
        if (context != null) {
            try {
                context.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not release a native op context", e);
            }
        }
        context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(intArgs);
        if (floatArgs.length > 0) {
            context.setTArguments(floatArgs);
        }
        calls = 0;
    }
}
