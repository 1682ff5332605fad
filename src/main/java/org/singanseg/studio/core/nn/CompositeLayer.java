package org.singanseg.studio.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer made of parts: its parameters are the parts' parameters, part after part, so a
 * composite binds into a network's flat arrays like any layer. Subclasses say how the parts are
 * wired in {@link #forward} and {@link #backward}.
 */
public abstract class CompositeLayer implements Layer {
    private final List<Layer> parts;

    /** @param parts every part that has parameters, in the order their parameters are laid out */
    protected CompositeLayer(List<? extends Layer> parts) {
        this.parts = List.copyOf(parts);
    }

    protected final List<Layer> parts() {
        return parts;
    }

    @Override
    public final List<long[]> parameterShapes() {
        List<long[]> shapes = new ArrayList<>();
        for (Layer part : parts) {
            shapes.addAll(part.parameterShapes());
        }
        return shapes;
    }

    @Override
    public final void bind(List<INDArray> parameters, List<INDArray> passGradients) {
        int offset = 0;
        for (Layer part : parts) {
            int count = part.parameterShapes().size();
            part.bind(parameters.subList(offset, offset + count), passGradients.subList(offset, offset + count));
            offset += count;
        }
    }

    @Override
    public final void initialise(Random random) {
        for (Layer part : parts) {
            part.initialise(random);
        }
    }
}
