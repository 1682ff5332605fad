package org.singanseg.studio.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void smallSizesAreNotZeroMegabytes() {
        assertEquals("0 bytes", ByteSizes.describe(0));
        assertEquals("1 byte", ByteSizes.describe(1));
        assertEquals("1023 bytes", ByteSizes.describe(1023));
        assertEquals("1 KB", ByteSizes.describe(1024));
        assertEquals("49 KB", ByteSizes.describe(50_000));
        assertEquals("1.0 MB", ByteSizes.describe(1024 * 1024));
        assertEquals("3072.0 MB", ByteSizes.describe(3L << 30));
    }
}
