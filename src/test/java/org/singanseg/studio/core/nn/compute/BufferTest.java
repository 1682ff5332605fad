package org.singanseg.studio.core.nn.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BufferTest {

    @Test
    void alternatingShapesReuseTheirArrays() {
        Buffer buffer = new Buffer();
        INDArray one = buffer.get(DataType.FLOAT, 1, 8, 8, 4);
        INDArray two = buffer.get(DataType.FLOAT, 2, 8, 8, 4);
        for (int i = 0; i < 10; i++) {
            assertSame(one, buffer.get(DataType.FLOAT, 1, 8, 8, 4));
            assertSame(two, buffer.get(DataType.FLOAT, 2, 8, 8, 4));
        }
        assertArrayEquals(new long[]{2, 8, 8, 4}, two.shape());
        assertNotSame(one, buffer.get(DataType.DOUBLE, 1, 8, 8, 4));
    }
}
