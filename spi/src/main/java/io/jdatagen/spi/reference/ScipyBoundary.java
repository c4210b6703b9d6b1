package io.jdatagen.spi.reference;

import io.jdatagen.core.FillMode;
import io.jdatagen.spi.WrapConvention;

/**
 * scipy {@code ndimage} boundary rules: the map applied to a source
 * coordinate before interpolation, and the map applied to an interpolation tap that falls outside
 * the image. Shared by every backend so that they agree on edge pixels.
 */
public final class ScipyBoundary {
    private ScipyBoundary() {
    }

    /**
     * Maps coordinate {@code c} on an axis of length {@code n} into the image, or returns NaN when the output
     * pixel takes the constant fill ({@link FillMode#CONSTANT} and {@code c} outside {@code [0, n-1]}).
     *
     * @param c the channel
     * @param n the count
     * @return the double
     */
    public static double mapCoordinate(double c, int n, FillMode mode, WrapConvention wrap) {
        switch (mode) {
            case CONSTANT:
                return c < 0 || c > n - 1 ? Double.NaN : c;
            case NEAREST:
            case GRID_CONSTANT:
                return c;
            case REFLECT:
            case GRID_MIRROR:
                return reflect(c, n);
            case WRAP:
                return wrap == WrapConvention.SCIPY ? wrapScipy(c, n) : wrapPeriodic(c, n);
            case MIRROR:
                return mirror(c, n);
            case GRID_WRAP:
                return gridWrap(c, n);
            default:
                throw new IllegalArgumentException("unknown fill mode " + mode);
        }
    }

    /**
     * Maps tap index {@code k} on an axis of length {@code n} into {@code [0, n-1]}: clamp for nearest,
     * half-sample reflection for reflect and grid-mirror, mirror (period {@code 2n-2}) for constant,
     * mirror and scipy wrap, modulo {@code n} for periodic wrap and grid-wrap; -1 for a grid-constant
     * tap outside the image (it takes the fill value).
     *
     * @param k the index
     * @param n the count
     * @return the int
     */
    public static int mapTap(long k, int n, FillMode mode, WrapConvention wrap) {
        if (k >= 0 && k < n) {
            return (int) k;
        }
        switch (mode) {
            case NEAREST:
                return k < 0 ? 0 : n - 1;
            case REFLECT:
            case GRID_MIRROR:
                return (int) reflect(k, n);
            case WRAP:
                return wrap == WrapConvention.SCIPY ? mirror(k, n) : (int) Math.floorMod(k, (long) n);
            case CONSTANT:
            case MIRROR:
                return mirror(k, n);
            case GRID_WRAP:
                return (int) Math.floorMod(k, (long) n);
            case GRID_CONSTANT:
                return -1;
            default:
                throw new IllegalArgumentException("unknown fill mode " + mode);
        }
    }

    /** Half-sample symmetric reflection ({@code dcba|abcd|dcba}), scipy's exact arithmetic. */
    static double reflect(double c, int n) {
        if (n == 1) {
            return 0;
        }
        double sz2 = 2.0 * n;
        if (c < 0) {
            if (c < -sz2) {
                c += sz2 * trunc(-c / sz2);
            }
            c = c < -n ? c + sz2 : (c > -1e-15 ? 1e-15 : -c) - 1;
        } else if (c > n - 1) {
            c -= sz2 * trunc(c / sz2);
            if (c >= n) {
                c = sz2 - c - 1;
            }
        }
        return c;
    }

    /** scipy 'wrap': period {@code n-1}, the last sample coinciding with the first. */
    static double wrapScipy(double c, int n) {
        if (n == 1) {
            return 0;
        }
        double sz = n - 1;
        if (c < 0) {
            c += sz * (trunc(-c / sz) + 1);
        } else if (c > sz) {
            c -= sz * trunc(c / sz);
        }
        return c;
    }

    /** True periodic wrap with period {@code n}: the result lies in {@code [0, n)}. */
    static double wrapPeriodic(double c, int n) {
        if (c >= 0 && c < n) {
            return c;
        }
        double r = c - n * Math.floor(c / n);
        return r >= n ? 0 : r;
    }

    /** scipy 'mirror' of a coordinate: whole-sample symmetric, period {@code 2n-2}, scipy's arithmetic. */
    static double mirror(double c, int n) {
        if (n <= 1) {
            return 0;
        }
        double sz2 = 2.0 * n - 2;
        if (c < 0) {
            c = sz2 * trunc(-c / sz2) + c;
            c = c <= 1 - n ? c + sz2 : -c;
        } else if (c > n - 1) {
            c -= sz2 * trunc(c / sz2);
            if (c >= n) {
                c = sz2 - c;
            }
        }
        return c;
    }

    /** scipy 'grid-wrap' of a coordinate: period {@code n}, scipy's arithmetic. */
    static double gridWrap(double c, int n) {
        if (n <= 1) {
            return 0;
        }
        if (c < 0) {
            c += n * (trunc((-1 - c) / n) + 1);
        } else if (c > n - 1) {
            c -= n * trunc(c / n);
        }
        return c;
    }

    /** Whole-sample mirror with period {@code 2n-2} ({@code n == 1} gives 0). */
    static int mirror(long k, int n) {
        if (n == 1) {
            return 0;
        }
        long period = 2L * n - 2;
        long m = Math.floorMod(k, period);
        return (int) (m >= n ? period - m : m);
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
