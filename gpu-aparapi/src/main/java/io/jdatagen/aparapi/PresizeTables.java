package io.jdatagen.aparapi;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ScipyBoundary;

/**
 * The presize of a plan as per-axis lookup tables for {@link WarpBatchKernel}. A presize maps
 * each axis on its own (its inverse affine is diagonal), so every row of the presized image reads
 * the same two source rows with the same weight, and every column likewise. The tables hold, for
 * each presized row and then each presized column, the two source taps and the weight of the first,
 * computed in double precision exactly as the reference computes them (scipy's coordinate, its
 * clamping of taps, the B-spline weight of order 1, or the rounding of order 0); the kernel then
 * only blends. Nearest presizes store the picked tap twice with weight 1.
 */
final class PresizeTables {
    private PresizeTables() {
    }

    /** {@return whether the kernel resamples {@code plan}'s presize itself: orders 0 and 1} */
    static boolean fused(WarpPlan plan) {
        return plan.presizeInterpolation().order() <= 1;
    }

    /**
     * {@return the number of table entries {@code plan}'s presize of {@code s} takes: its rows plus
     * its columns, or 0 when the source is read as it is}
     */
    static int entries(SourceImage s, WarpPlan plan) {
        return plan.presizes(s.height(), s.width()) ? plan.presizeHeight() + plan.presizeWidth() : 0;
    }

    /**
     * Writes the rows' then the columns' entries of {@code plan}'s presize of {@code s} from entry
     * {@code at}: taps at {@code taps[2e]} and {@code taps[2e + 1]}, the first tap's weight at
     * {@code weights[e]}.
     */
    static void write(SourceImage s, WarpPlan plan, int at, int[] taps, float[] weights) {
        WarpPlan resize = plan.presizePlan(s.height(), s.width());
        boolean nearest = plan.presizeInterpolation() == Interpolation.NEAREST;
        axis(resize.affine(2), resize.affine(0), plan.presizeHeight(), s.height(), nearest, at, taps, weights);
        axis(resize.affine(5), resize.affine(4), plan.presizeWidth(), s.width(), nearest, at + plan.presizeHeight(),
                taps, weights);
    }

    private static void axis(double offset, double step, int count, int n, boolean nearest, int at, int[] taps,
            float[] weights) {
        for (int i = 0; i < count; i++) {
            double c = ScipyBoundary.mapCoordinate(offset + i * step, n, FillMode.NEAREST, WrapConvention.SCIPY);
            int e = at + i;
            if (nearest) {
                int t = tap((long) Math.floor(c + 0.5), n);
                taps[2 * e] = t;
                taps[2 * e + 1] = t;
                weights[e] = 1f;
            } else {
                double f = Math.floor(c);
                taps[2 * e] = tap((long) f, n);
                taps[2 * e + 1] = tap((long) f + 1, n);
                weights[e] = (float) (1.0 - (c - f));
            }
        }
    }

    private static int tap(long k, int n) {
        return ScipyBoundary.mapTap(k, n, FillMode.NEAREST, WrapConvention.SCIPY);
    }
}
