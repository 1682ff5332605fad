package org.singanseg.studio.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void byFactorMatchesSinGANsImresizeThenCrop() {
        // Reference values: SinGAN's imresize_in (numpy) on the same 6x5 plane, by 1 / 0.7711 then
        // cropped to 7x6, and by 0.6 (antialiased, 4x3).
        Planes p = Planes.zeros(1, 6, 5);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 5; x++) {
                p.set(0, y, x, (float) (Math.sin(0.7 * y + 1.3 * x) + 0.1 * x * y));
            }
        }
        assertArrayEquals(new float[]{
                -0.08301191f, 0.68631223f, 0.92213585f, 0.33128841f, -0.66416512f, -0.90854299f,
                0.38996341f, 0.89740561f, 0.78463339f, 0.01757344f, -0.71648131f, -0.44114199f,
                0.83309250f, 0.94766438f, 0.48483333f, -0.29489197f, -0.55813449f, 0.25569248f,
                1.02120793f, 0.73657963f, 0.09671854f, -0.43021320f, -0.11498252f, 1.02297347f,
                0.91399631f, 0.34510829f, -0.23981072f, -0.30725888f, 0.55611304f, 1.74752725f,
                0.53470828f, -0.09103149f, -0.37865239f, 0.09789212f, 1.32010873f, 2.28873416f,
                -0.02840434f, -0.42238677f, -0.21320042f, 0.75513044f, 2.03956726f, 2.57550476f},
                Resize.byFactor(p, 1 / 0.7711, 7, 6).plane(0), 1e-5f);
        assertArrayEquals(new float[]{
                0.54270854f, 0.30501521f, -0.71159178f, 0.85788956f, -0.19380190f, 0.62074680f,
                0.19207101f, 0.05663347f, 2.09134062f, -0.51044445f, 0.86097256f, 2.69815051f},
                Resize.byFactor(p, 0.6, 4, 3).plane(0), 1e-5f);
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
