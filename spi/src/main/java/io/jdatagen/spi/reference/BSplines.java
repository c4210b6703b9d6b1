package io.jdatagen.spi.reference;

import io.jdatagen.core.FillMode;
import io.jdatagen.spi.WrapConvention;

/**
 * B-spline interpolation of orders 1 to 5 as {@code scipy.ndimage} computes it: the interpolation
 * weights of the {@code order + 1} taps around a coordinate, and the recursive prefilter (Unser,
 * Aldroubi and Eden, 1991) that turns samples into spline coefficients, with scipy's boundary
 * initialisation for each mode. All in double precision.
 */
final class BSplines {
    /** Samples scipy pads before filtering in the modes without an exact boundary rule (nearest, grid-constant). */
    static final int PREPAD = 12;

    /** How the recursive filter is started at both ends of a line. */
    enum Boundary {
        /** Whole-sample symmetric extension. */
        MIRROR,
        /** Periodic extension, period n. */
        WRAP,
        /** Half-sample symmetric extension. */
        REFLECT
    }

    private BSplines() {
    }

    /** {@return the boundary rule scipy's prefilter uses for a fill mode} */
    static Boundary boundary(FillMode mode, WrapConvention wrap) {
        return switch (mode) {
            case CONSTANT, MIRROR, GRID_CONSTANT -> Boundary.MIRROR;
            case WRAP -> wrap == WrapConvention.SCIPY ? Boundary.MIRROR : Boundary.WRAP;
            case GRID_WRAP -> Boundary.WRAP;
            case NEAREST, REFLECT, GRID_MIRROR -> Boundary.REFLECT;
        };
    }

    /** {@return whether scipy pads {@link #PREPAD} samples (edge or fill values) before filtering} */
    static boolean prepads(FillMode mode) {
        return mode == FillMode.NEAREST || mode == FillMode.GRID_CONSTANT;
    }

    /** {@return the first tap of the filter around coordinate {@code c}} */
    static long firstTap(double c, int order) {
        return (long) Math.floor((order & 1) == 1 ? c : c + 0.5) - order / 2;
    }

    /**
     * Writes the {@code order + 1} interpolation weights of coordinate {@code c} into {@code w}: the
     * B-spline of that order at each tap's distance, the last weight one minus the others.
     */
    static void weights(double c, int order, double[] w) {
        double x = c - Math.floor((order & 1) == 1 ? c : c + 0.5);
        double y;
        double z = 1.0 - x;
        double t;
        switch (order) {
            case 1 -> w[0] = 1.0 - x;
            case 2 -> {
                w[1] = 0.75 - x * x;
                y = 0.5 - x;
                w[0] = 0.5 * y * y;
            }
            case 3 -> {
                w[1] = (x * x * (x - 2.0) * 3.0 + 4.0) / 6.0;
                w[2] = (z * z * (z - 2.0) * 3.0 + 4.0) / 6.0;
                w[0] = z * z * z / 6.0;
            }
            case 4 -> {
                t = x * x;
                w[2] = t * (t * 0.25 - 0.625) + 115.0 / 192.0;
                y = 1.0 + x;
                w[1] = y * (y * (y * (5.0 - y) / 6.0 - 1.25) + 5.0 / 24.0) + 55.0 / 96.0;
                w[3] = z * (z * (z * (5.0 - z) / 6.0 - 1.25) + 5.0 / 24.0) + 55.0 / 96.0;
                y = 0.5 - x;
                t = y * y;
                w[0] = t * t / 24.0;
            }
            case 5 -> {
                t = x * x;
                w[2] = t * (t * (0.25 - x / 12.0) - 0.5) + 0.55;
                t = z * z;
                w[3] = t * (t * (0.25 - z / 12.0) - 0.5) + 0.55;
                y = x + 1.0;
                w[1] = y * (y * (y * (y * (y / 24.0 - 0.375) + 1.25) - 1.75) + 0.625) + 0.425;
                double u = z + 1.0;
                w[4] = u * (u * (u * (u * (u / 24.0 - 0.375) + 1.25) - 1.75) + 0.625) + 0.425;
                y = 1.0 - x;
                t = y * y;
                w[0] = y * t * t / 120.0;
            }
            default -> throw new IllegalArgumentException("spline order must be 1 to 5; got " + order);
        }
        w[order] = 1.0;
        for (int i = 0; i < order; i++) {
            w[order] -= w[i];
        }
    }

    /**
     * {@return the poles of the prefilter of a spline order (order / 2 of them), to double precision:
     * sqrt(8) - 3; sqrt(3) - 2; sqrt(664 -+ sqrt(438976)) +- sqrt(304) - 19; sqrt(67.5 -+ sqrt(4436.25))
     * +- sqrt(26.25) - 6.5}
     */
    static double[] poles(int order) {
        return switch (order) {
            case 2 -> new double[] {-0.171572875253809902396622551580603843};
            case 3 -> new double[] {-0.267949192431122706472553658494127633};
            case 4 -> new double[] {-0.361341225900220177092212841325675255, -0.013725429297339121360331226939128204};
            case 5 -> new double[] {-0.430575347099973791851434783493520110, -0.043096288203264653822712376822550182};
            default -> throw new IllegalArgumentException("the prefilter is defined for orders 2 to 5; got " + order);
        };
    }

    /** Turns the {@code n} samples of {@code c} into spline coefficients in place (nothing for n = 1). */
    static void prefilter(double[] c, int n, double[] poles, Boundary boundary) {
        if (n < 2) {
            return;
        }
        double gain = 1.0;
        for (double z : poles) {
            gain *= (1.0 - z) * (1.0 - 1.0 / z);
        }
        for (int i = 0; i < n; i++) {
            c[i] *= gain;
        }
        for (double z : poles) {
            causalStart(c, n, z, boundary);
            for (int i = 1; i < n; i++) {
                c[i] += z * c[i - 1];
            }
            anticausalStart(c, n, z, boundary);
            for (int i = n - 2; i >= 0; i--) {
                c[i] = z * (c[i + 1] - c[i]);
            }
        }
    }

    private static void causalStart(double[] c, int n, double z, Boundary boundary) {
        switch (boundary) {
            case MIRROR -> {
                double zn1 = Math.pow(z, n - 1);
                double zi = z;
                c[0] = c[0] + zn1 * c[n - 1];
                for (int i = 1; i < n - 1; i++) {
                    c[0] += zi * (c[i] + zn1 * c[n - 1 - i]);
                    zi *= z;
                }
                c[0] /= 1 - zn1 * zn1;
            }
            case WRAP -> {
                double zi = z;
                for (int i = 1; i < n; i++) {
                    c[0] += zi * c[n - i];
                    zi *= z;
                }
                c[0] /= 1 - zi;
            }
            case REFLECT -> {
                double zn = Math.pow(z, n);
                double first = c[0];
                double zi = z;
                c[0] = c[0] + zn * c[n - 1];
                for (int i = 1; i < n; i++) {
                    c[0] += zi * (c[i] + zn * c[n - 1 - i]);
                    zi *= z;
                }
                c[0] *= z / (1 - zn * zn);
                c[0] += first;
            }
        }
    }

    private static void anticausalStart(double[] c, int n, double z, Boundary boundary) {
        switch (boundary) {
            case MIRROR -> c[n - 1] = (z * c[n - 2] + c[n - 1]) * z / (z * z - 1);
            case WRAP -> {
                double zi = z;
                for (int i = 0; i < n - 1; i++) {
                    c[n - 1] += zi * c[i];
                    zi *= z;
                }
                c[n - 1] *= z / (zi - 1);
            }
            case REFLECT -> c[n - 1] *= z / (z - 1);
        }
    }
}
