package io.jdatagen.spi.reference;

import io.jdatagen.core.FillMode;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WrapConvention;

/**
 * The B-spline coefficients of a source image, one double plane per channel, as scipy's
 * {@code affine_transform} computes them for an order of 2 or more: each channel plane padded by
 * {@link BSplines#PREPAD} samples in the modes that need it (edge values for nearest, the fill value
 * for grid-constant), then prefiltered along the rows axis and then the columns axis with the mode's
 * boundary rule.
 */
final class SplineCoefficients {
    private final int height;
    private final int width;
    private final int pad;
    private final double[][] planes;

    private SplineCoefficients(int height, int width, int pad, double[][] planes) {
        this.height = height;
        this.width = width;
        this.pad = pad;
        this.planes = planes;
    }

    static SplineCoefficients of(SourceImage src, int order, FillMode mode, WrapConvention wrap, double fill) {
        int pad = BSplines.prepads(mode) ? BSplines.PREPAD : 0;
        int h = src.height() + 2 * pad;
        int w = src.width() + 2 * pad;
        double[] poles = BSplines.poles(order);
        BSplines.Boundary boundary = BSplines.boundary(mode, wrap);
        double[][] planes = new double[src.channels()][];
        double[] line = new double[Math.max(h, w)];
        for (int c = 0; c < planes.length; c++) {
            double[] p = new double[h * w];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    p[i * w + j] = padded(src, i - pad, j - pad, c, mode, fill);
                }
            }
            for (int j = 0; j < w; j++) {
                for (int i = 0; i < h; i++) {
                    line[i] = p[i * w + j];
                }
                BSplines.prefilter(line, h, poles, boundary);
                for (int i = 0; i < h; i++) {
                    p[i * w + j] = line[i];
                }
            }
            for (int i = 0; i < h; i++) {
                System.arraycopy(p, i * w, line, 0, w);
                BSplines.prefilter(line, w, poles, boundary);
                System.arraycopy(line, 0, p, i * w, w);
            }
            planes[c] = p;
        }
        return new SplineCoefficients(h, w, pad, planes);
    }

    /** A sample of the padded plane: the image inside, edge values (nearest) or the fill value outside. */
    private static double padded(SourceImage src, int i, int j, int c, FillMode mode, double fill) {
        if (i >= 0 && i < src.height() && j >= 0 && j < src.width()) {
            return src.sample(i, j, c);
        }
        if (mode == FillMode.GRID_CONSTANT) {
            return fill;
        }
        return src.sample(Math.max(0, Math.min(src.height() - 1, i)), Math.max(0, Math.min(src.width() - 1, j)), c);
    }

    /** {@return rows of the (padded) coefficient planes} */
    int height() {
        return height;
    }

    /** {@return columns of the (padded) coefficient planes} */
    int width() {
        return width;
    }

    /** {@return how far the planes' origin lies from the image's (the coordinate shift)} */
    int pad() {
        return pad;
    }

    double get(int row, int col, int channel) {
        return planes[channel][row * width + col];
    }
}
