package org.singanseg.studio.core.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Arrays in ND4J's binary format (two buffers, shape and data, each as allocation mode, length,
 * type and values), checked before ND4J sees them: ND4J allocates what a buffer's header claims
 * before reading its values, so a header claiming billions of values in a small entry would
 * exhaust memory. Here a claim must fit in the bytes that follow it.
 */
final class StoredArrays {
    /** Two headers of at most a few dozen bytes each, for shape and data. */
    static final long HEADER_BYTES = 1024;
    /** The widest type a model may store (double). */
    static final long MAX_ELEMENT_BYTES = 8;

    private StoredArrays() {
    }

    /**
     * The most bytes an array of this many elements takes in the file.
     *
     * @throws ArithmeticException for a count no file can hold (a crafted description)
     */
    static long maxBytes(long elements) {
        return Math.addExact(Math.multiplyExact(elements, MAX_ELEMENT_BYTES), HEADER_BYTES);
    }

    /**
     * The array, which must hold exactly the expected number of elements.
     *
     * @throws IllegalStateException when the bytes are not such an array
     */
    static INDArray read(byte[] bytes, long expectedElements) {
        checkHeaders(bytes);
        INDArray array = Nd4j.fromByteArray(bytes);
        if (array.length() != expectedElements) {
            throw new IllegalStateException("it holds " + array.length() + " values where " + expectedElements
                    + " belong");
        }
        return array;
    }

    private static void checkHeaders(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (String buffer : new String[]{"shape", "values"}) {
                in.readUTF();
                long length = in.readLong();
                long width = DataType.valueOf(in.readUTF()).width();
                if (length < 0 || width <= 0 || length > in.available() / width) {
                    throw new IllegalStateException("its " + buffer + " claim " + length + " entries in "
                            + in.available() + " bytes");
                }
                in.skipNBytes(length * width);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("it is not an array in ND4J's format", e);
        }
    }
}
