package org.singanseg.studio.core.nn.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostValuesTest {

    @Test
    void readsAndWritesAViewOfABatchInPlace() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray batch = Nd4j.arange(0, 24).castTo(type).reshape(3, 2, 2, 2);
            INDArray second = batch.get(NDArrayIndex.interval(1, 2));
            HostValues values = new HostValues();
            double[] read = new double[8];
            values.read(second, 0, 8, read);
            assertArrayEquals(new double[]{8, 9, 10, 11, 12, 13, 14, 15}, read, 0, type.toString());
            values.write(new double[]{-1, -2}, second, 6, 2);
            assertArrayEquals(new double[]{13, -1, -2, 16}, batch.reshape(24).get(NDArrayIndex.interval(13, 17))
                    .toDoubleVector(), 0, type.toString());
        }
    }
}
