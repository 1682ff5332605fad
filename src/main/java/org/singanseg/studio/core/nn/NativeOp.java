package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One call site of a libnd4j custom op with fixed arguments and caller-owned outputs. The op and
 * its context are built once and reused: rebuilding them per call cost 30-40% of a small
 * convolution's time here. Not thread-safe, like all engine objects.
 */
final class NativeOp {
    private final DynamicCustomOp op;
    private final OpContext context;
    private final int inputCount;

    NativeOp(String name, int inputCount, int[] intArgs, double... floatArgs) {
        this.op = DynamicCustomOp.builder(name).build();
        this.inputCount = inputCount;
        this.context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(java.util.Arrays.stream(intArgs).asLongStream().toArray());
        if (floatArgs.length > 0) {
            context.setTArguments(floatArgs);
        }
    }

    /** Runs the op on the given inputs (the first {@code inputCount} arrays) and outputs (the rest). */
    void run(INDArray... arrays) {
        context.setInputArrays(java.util.Arrays.copyOfRange(arrays, 0, inputCount));
        context.setOutputArrays(java.util.Arrays.copyOfRange(arrays, inputCount, arrays.length));
        Nd4j.exec(op, context);
    }
}
