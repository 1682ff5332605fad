package org.singanseg.studio.core.nn.compute;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A channels-last array as one oneDNN convolution reads or writes it: in place when the primitive
 * takes channels-last, else through a copy in the primitive's own (blocked) layout, kept in one of
 * {@link DirectOneDnn}'s scratch buffers for the length of the call.
 */
final class StagedActivation {
    private final memory user;
    /** The primitive's layout, or null when it is the user's. */
    private final memory staged;
    private final reorder toPrimitive;
    private final reorder toUser;
    private final int slot;
    private final long bytes;

    /**
     * @param slot the scratch buffer to stage in: arrays used by the same call need different ones
     */
    StagedActivation(memory.desc userLayout, memory.desc primitiveLayout, int slot) {
        this.user = DirectOneDnn.unboundMemory(userLayout);
        this.slot = slot;
        if (primitiveLayout.equals(userLayout)) {
            staged = null;
            toPrimitive = null;
            toUser = null;
            bytes = 0;
        } else {
            staged = DirectOneDnn.unboundMemory(primitiveLayout);
            toPrimitive = new reorder(user, staged);
            toUser = new reorder(staged, user);
            bytes = primitiveLayout.get_size();
        }
    }

    /** The memory object to pass to the primitive. */
    memory primitiveSide() {
        return staged != null ? staged : user;
    }

    /** Makes the array the primitive's input. */
    void bringIn(INDArray array) {
        prepareOut(array);
        if (staged != null) {
            toPrimitive.execute(DirectOneDnn.stream(), user, staged);
        }
    }

    /** Makes the array where the primitive's output goes, once {@link #sendOut} has run. */
    void prepareOut(INDArray array) {
        user.set_data_handle(DirectOneDnn.address(array));
        if (staged != null) {
            staged.set_data_handle(DirectOneDnn.scratch(slot, bytes));
        }
    }

    /** Copies the primitive's output into the array given to {@link #prepareOut}. */
    void sendOut() {
        if (staged != null) {
            toUser.execute(DirectOneDnn.stream(), staged, user);
        }
    }
}
