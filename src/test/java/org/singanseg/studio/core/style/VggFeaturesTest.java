package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Where the taps sit in the VGG19 stack: after each ReLU, with the poolings between blocks. */
class VggFeaturesTest {

    @Test
    void tapsAreRectifiedActivationsAtEachBlocksResolution() {
        VggFeatures features = new VggFeatures(VggWeights.random(VggWeightFiles.SMALL, new Random(1)),
                List.of("conv5_1", "conv1_1", "conv3_2", "conv2_1"), DataType.FLOAT);
        assertEquals(List.of("conv1_1", "conv2_1", "conv3_2", "conv5_1"), features.taps());
        assertEquals(16, features.minimumSide());

        List<INDArray> activations = features.forward(Nd4j.rand(DataType.FLOAT, 1, 35, 48, 3));

        assertArrayEquals(new long[]{1, 35, 48, 4}, activations.get(0).shape());
        assertArrayEquals(new long[]{1, 17, 24, 5}, activations.get(1).shape());
        assertArrayEquals(new long[]{1, 8, 12, 6}, activations.get(2).shape());
        assertArrayEquals(new long[]{1, 2, 3, 6}, activations.get(3).shape());
        for (INDArray a : activations) {
            assertTrue(a.minNumber().doubleValue() >= 0, "rectified");
            assertTrue(a.maxNumber().doubleValue() > 0, "not all zero");
        }
    }
}
