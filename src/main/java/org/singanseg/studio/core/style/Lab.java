package org.singanseg.studio.core.style;

import org.singanseg.studio.core.image.Planes;

/**
 * CIE L*a*b* (D65 white) from and to sRGB in [0, 1]: lightness L in [0, 100] and two opponent
 * colour axes, perceptually more even than RGB and with little correlation between the axes,
 * which is why colour statistics can be matched per channel there.
 */
final class Lab {
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;
    private static final double DELTA = 6.0 / 29.0;

    private Lab() {
    }

    /** L, a and b planes of an RGB image. */
    static double[][] fromRgb(Planes rgb) {
        int n = rgb.height() * rgb.width();
        double[][] lab = new double[3][n];
        for (int i = 0; i < n; i++) {
            double r = linear(rgb.plane(0)[i]);
            double g = linear(rgb.plane(1)[i]);
            double b = linear(rgb.plane(2)[i]);
            double fx = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN);
            double fy = f((0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / YN);
            double fz = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / ZN);
            lab[0][i] = 116 * fy - 16;
            lab[1][i] = 500 * (fx - fy);
            lab[2][i] = 200 * (fy - fz);
        }
        return lab;
    }

    /** The RGB image of L, a and b planes; colours outside sRGB are clipped to [0, 1]. */
    static Planes toRgb(double[][] lab, int height, int width) {
        Planes rgb = Planes.zeros(3, height, width);
        for (int i = 0; i < height * width; i++) {
            double fy = (lab[0][i] + 16) / 116;
            double x = XN * fInverse(fy + lab[1][i] / 500);
            double y = YN * fInverse(fy);
            double z = ZN * fInverse(fy - lab[2][i] / 200);
            rgb.plane(0)[i] = encoded(3.2404542 * x - 1.5371385 * y - 0.4985314 * z);
            rgb.plane(1)[i] = encoded(-0.9692660 * x + 1.8760108 * y + 0.0415560 * z);
            rgb.plane(2)[i] = encoded(0.0556434 * x - 0.2040259 * y + 1.0572252 * z);
        }
        return rgb;
    }

    private static double linear(float c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static float encoded(double linear) {
        double c = Math.min(1, Math.max(0, linear));
        return (float) (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);
    }

    private static double f(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29.0;
    }

    private static double fInverse(double t) {
        return t > DELTA ? t * t * t : 3 * DELTA * DELTA * (t - 4.0 / 29.0);
    }
}
