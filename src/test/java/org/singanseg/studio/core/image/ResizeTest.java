package org.singanseg.studio.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void sameSizeIsIdentity() {
        Planes p = ramp(7, 9);
        Planes out = Resize.bicubic(p, 7, 9);
        for (int i = 0; i < 63; i++) {
            assertEquals(p.plane(0)[i], out.plane(0)[i], 1e-6);
        }
    }

    @Test
    void constantStaysConstantUpAndDown() {
        Planes p = Planes.zeros(1, 20, 30);
        java.util.Arrays.fill(p.plane(0), 0.37f);
        for (int[] size : new int[][]{{7, 11}, {45, 61}, {20, 13}}) {
            Planes out = Resize.bicubic(p, size[0], size[1]);
            for (float v : out.plane(0)) {
                assertEquals(0.37f, v, 1e-5);
            }
        }
    }

    @Test
    void halvingAveragesNeighbours() {
        // Antialiased cubic over a 2x2 checkerboard of 0/1 gives 0.5 away from the borders.
        Planes p = Planes.zeros(1, 16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                p.set(0, y, x, (x + y) % 2);
            }
        }
        Planes out = Resize.bicubic(p, 8, 8);
        assertEquals(0.5, out.get(0, 4, 4), 1e-4);
    }

    @Test
    void upsamplingALinearRampKeepsItLinearInside() {
        Planes p = ramp(10, 10);
        Planes out = Resize.bicubic(p, 10, 20);
        // Output column centres map to input x = (j + 0.5) / 2 - 0.5.
        for (int j = 6; j < 14; j++) {
            assertEquals((j + 0.5) / 2 - 0.5, out.get(0, 5, j), 1e-4);
        }
    }

    private static Planes ramp(int h, int w) {
        Planes p = Planes.zeros(1, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p.set(0, y, x, x);
            }
        }
        return p;
    }
}
