package io.jdatagen.spi.reference;

import io.jdatagen.core.FillMode;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;

/**
 * Resamples one plan as {@code scipy.ndimage.affine_transform} does, for spline orders 0 to 5 and
 * every boundary mode: per output pixel and axis, the coordinate (double, scipy's operation order),
 * its boundary map, the first of {@code order + 1} taps, their weights and their own boundary map,
 * then the weighted sum of samples (orders 0 and 1) or of prefiltered coefficients (orders 2 to 5).
 * Holds the per-pixel scratch, so that the loops allocate nothing.
 */
final class PlanSampler {
    private final SourceImage src;
    private final WarpPlan plan;
    private final FillMode mode;
    private final WrapConvention wrap;
    private final int order;
    private final double fill;
    private final SplineCoefficients coefficients;
    private final int rows;
    private final int cols;
    private final double shift;
    private final int[] taps0;
    private final int[] taps1;
    private final double[] weights0;
    private final double[] weights1;

    PlanSampler(SourceImage src, WarpPlan plan) {
        this.src = src;
        this.plan = plan;
        this.mode = plan.fillMode();
        this.wrap = plan.wrapConvention();
        this.order = plan.interpolation().order();
        this.fill = plan.fillValue();
        this.coefficients = order > 1 && !plan.isIdentityAffine()
                ? SplineCoefficients.of(src, order, mode, wrap, fill) : null;
        this.rows = coefficients != null ? coefficients.height() : src.height();
        this.cols = coefficients != null ? coefficients.width() : src.width();
        this.shift = coefficients != null ? coefficients.pad() : 0;
        this.taps0 = new int[order + 1];
        this.taps1 = new int[order + 1];
        this.weights0 = new double[order + 1];
        this.weights1 = new double[order + 1];
    }

    void writeAll(OutputSlot out) {
        int height = out.height();
        int width = out.width();
        int channels = out.channels();
        float fillValue = (float) fill;
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            for (int j = 0; j < width; j++) {
                int vj = plan.flipCols() ? width - 1 - j : j;
                if (plan.isIdentityAffine()) {
                    for (int c = 0; c < channels; c++) {
                        out.put(i, j, c, color(src.sample(vi, vj, c), c));
                    }
                } else if (locate(vi, vj)) {
                    for (int c = 0; c < channels; c++) {
                        out.put(i, j, c, color((float) interpolate(c), c));
                    }
                } else {
                    for (int c = 0; c < channels; c++) {
                        out.put(i, j, c, color(fillValue, c));
                    }
                }
            }
        }
    }

    /** Computes taps and weights for output (i, j); false when the whole pixel takes the fill. */
    private boolean locate(int i, int j) {
        double c0 = plan.affine(2);
        c0 += i * plan.affine(0);
        c0 += j * plan.affine(1);
        double c1 = plan.affine(5);
        c1 += i * plan.affine(3);
        c1 += j * plan.affine(4);
        return axis(c0 + shift, rows, taps0, weights0) && axis(c1 + shift, cols, taps1, weights1);
    }

    private boolean axis(double coordinate, int n, int[] taps, double[] weights) {
        double c = ScipyBoundary.mapCoordinate(coordinate, n, mode, wrap);
        if (Double.isNaN(c)) {
            return false;
        }
        long first = order == 0 ? (long) Math.floor(c + 0.5) : BSplines.firstTap(c, order);
        for (int k = 0; k <= order; k++) {
            taps[k] = ScipyBoundary.mapTap(first + k, n, mode, wrap);
        }
        if (order > 0) {
            BSplines.weights(c, order, weights);
        }
        return true;
    }

    private double interpolate(int channel) {
        if (order == 0) {
            return value(taps0[0], taps1[0], channel);
        }
        double t = 0;
        for (int p = 0; p <= order; p++) {
            for (int q = 0; q <= order; q++) {
                t += (value(taps0[p], taps1[q], channel) * weights0[p]) * weights1[q];
            }
        }
        return t;
    }

    /** A sample, or a coefficient for orders 2 to 5; the fill value for a grid-constant tap outside. */
    private double value(int row, int col, int channel) {
        if (row < 0 || col < 0) {
            return fill;
        }
        return coefficients != null ? coefficients.get(row, col, channel) : src.sample(row, col, channel);
    }

    private float color(float v, int c) {
        return plan.hasColor() ? v * plan.scale(c) + plan.offset(c) : v;
    }
}
