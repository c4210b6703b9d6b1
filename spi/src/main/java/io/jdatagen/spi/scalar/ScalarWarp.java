package io.jdatagen.spi.scalar;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;

/**
 * The plain-Java warp for plans with an affine, nearest or bilinear, under every fill mode but
 * {@code grid-constant}, from 8-bit or float sources: the one-lane form of the {@code simd} backend's
 * warp, so that both write the same bits.
 *
 * <p>Per output pixel, in float after one double step: (1) the source coordinate: per block of
 * {@value #BLOCK} output columns the row's double base plus the block's first (flipped) column times
 * the affine entry, rounded to float once, then for the pixel at lane {@code k} of its block the
 * fused {@code fma(k, step, start)}, clamped to {@link LaneBoundaries#LIMIT}; (2) the constant mode's
 * inside test or the fill mode's map ({@link LaneBoundaries}); (3) the taps: floor, fractions, indices
 * clamped (or, periodic, the upper one wrapped); (4) per channel the lerps
 * {@code top = fma(v01 - v00, fx, v00)}, {@code fma(bottom - top, fy, top)} and the color step
 * {@code fma(value, scale, offset)}; a pixel outside under the constant mode takes
 * {@code fill * scale + offset} (a multiply, then an add). The coordinates lie within 1e-4 px of the
 * reference's double coordinates.
 */
final class ScalarWarp {
    /**
     * Output columns per coordinate block: the widest vector the {@code simd} backend runs (16 float
     * lanes, AVX-512) and a multiple of every narrower one, so that its coordinates do not depend on
     * the CPU's vector length.
     */
    static final int BLOCK = 16;

    private final byte[] bytes;
    private final float[] floats;
    private final int offset0;
    /** Where channel {@code c} of source pixel {@code p} sits: {@code offset0 + p * pixelStep + c * channelStep}. */
    private final int pixelStep;
    private final int channelStep;
    private final int srcHeight;
    private final int srcWidth;
    private final int channels;
    private final boolean bilinear;
    private final FillMode mode;
    private final boolean periodic;
    private final boolean constant;
    private final float[] scale;
    private final float[] offset;
    private final float[] fill;
    private final float maxRow;
    private final float maxCol;

    private ScalarWarp(SourceImage src, WarpPlan plan, int channels) {
        this.bytes = src.isBytes() ? src.bytes() : null;
        this.floats = src.isBytes() ? null : src.floats();
        this.offset0 = src.offset();
        this.srcHeight = src.height();
        this.srcWidth = src.width();
        this.channels = channels;
        boolean planar = !src.isBytes() && src.format() == DataFormat.CHANNELS_FIRST;
        this.pixelStep = planar ? 1 : channels;
        this.channelStep = planar ? srcHeight * srcWidth : 1;
        this.bilinear = plan.interpolation() == Interpolation.BILINEAR;
        this.mode = plan.fillMode();
        this.periodic = mode == FillMode.GRID_WRAP
                || mode == FillMode.WRAP && plan.wrapConvention() == WrapConvention.PERIODIC;
        this.constant = mode == FillMode.CONSTANT;
        this.scale = new float[channels];
        this.offset = new float[channels];
        this.fill = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = plan.scale(c);
            offset[c] = plan.offset(c);
            fill[c] = (float) plan.fillValue() * scale[c] + offset[c];
        }
        this.maxRow = srcHeight - 1f;
        this.maxCol = srcWidth - 1f;
    }

    /** {@return whether this kernel handles {@code plan} (with an affine): order 0 or 1, not grid-constant} */
    static boolean supports(WarpPlan plan) {
        return plan.interpolation().order() <= 1 && plan.fillMode() != FillMode.GRID_CONSTANT;
    }

    /** Runs {@code plan} (which must have an affine and be {@linkplain #supports supported}). */
    static void warp(SourceImage src, WarpPlan plan, OutputSlot out) {
        new ScalarWarp(src, plan, out.channels()).rows(plan, out);
    }

    private void rows(WarpPlan plan, OutputSlot out) {
        int height = out.height();
        int width = out.width();
        boolean flipCols = plan.flipCols();
        double a0 = plan.affine(0);
        double a1 = plan.affine(1);
        double a3 = plan.affine(3);
        double a4 = plan.affine(4);
        float step0 = (float) (flipCols ? -a1 : a1);
        float step1 = (float) (flipCols ? -a4 : a4);
        boolean direct = out.hasArray();
        boolean first = out.format() == DataFormat.CHANNELS_FIRST;
        float[] row = direct ? null : new float[width * channels];
        float[] dst = direct ? out.array() : row;
        int channelOut = direct && first ? height * width : 1;
        int pixelOut = direct && first ? 1 : channels;
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            double base0 = plan.affine(2) + vi * a0;
            double base1 = plan.affine(5) + vi * a3;
            int at = direct ? out.index(i, 0, 0) : 0;
            float start0 = 0f;
            float start1 = 0f;
            for (int j = 0; j < width; j++, at += pixelOut) {
                int lane = j % BLOCK;
                if (lane == 0) {
                    int vj = flipCols ? width - 1 - j : j;
                    start0 = (float) (base0 + vj * a1);
                    start1 = (float) (base1 + vj * a4);
                }
                float c0 = limit(Math.fma((float) lane, step0, start0));
                float c1 = limit(Math.fma((float) lane, step1, start1));
                if (constant && !(c0 >= 0f && c0 <= maxRow && c1 >= 0f && c1 <= maxCol)) {
                    for (int c = 0, o = at; c < channels; c++, o += channelOut) {
                        dst[o] = fill[c];
                    }
                } else if (bilinear) {
                    bilinear(map(c0, srcHeight), map(c1, srcWidth), dst, at, channelOut);
                } else {
                    nearest(map(c0, srcHeight), map(c1, srcWidth), dst, at, channelOut);
                }
            }
            if (!direct) {
                out.writeRow(i, row, 0, 1, channels);
            }
        }
    }

    private static float limit(float c) {
        return Math.min(Math.max(c, -LaneBoundaries.LIMIT), LaneBoundaries.LIMIT);
    }

    /** The fill mode's map of a coordinate on an axis of {@code n} pixels (none for the clamping modes). */
    private float map(float c, int n) {
        switch (mode) {
            case REFLECT:
            case GRID_MIRROR:
                return LaneBoundaries.reflect(c, n);
            case MIRROR:
                return LaneBoundaries.mirror(c, n);
            case WRAP:
            case GRID_WRAP:
                return periodic ? LaneBoundaries.wrapPeriodic(c, n) : LaneBoundaries.wrapScipy(c, n);
            default:
                return c;
        }
    }

    /** The floor of {@code c} as a float: truncation, one less for negative non-integers. */
    private static float floor(float c) {
        float t = LaneBoundaries.truncate(c);
        return c < t ? t - 1f : t;
    }

    /** A tap index clamped into {@code [0, n)}, or (periodic) its upper end {@code n} and beyond sent to 0. */
    private int tap(int k, int n) {
        if (periodic) {
            return k >= n ? 0 : k;
        }
        return Math.min(Math.max(k, 0), n - 1);
    }

    private void bilinear(float c0, float c1, float[] dst, int at, int channelOut) {
        float f0 = floor(c0);
        float fy = c0 - f0;
        int a = (int) f0;
        int r0 = Math.min(Math.max(a, 0), srcHeight - 1) * srcWidth;
        int r1 = tap(a + 1, srcHeight) * srcWidth;
        float f1 = floor(c1);
        float fx = c1 - f1;
        int b = (int) f1;
        int k0 = Math.min(Math.max(b, 0), srcWidth - 1);
        int k1 = tap(b + 1, srcWidth);
        int p00 = offset0 + (r0 + k0) * pixelStep;
        int p01 = offset0 + (r0 + k1) * pixelStep;
        int p10 = offset0 + (r1 + k0) * pixelStep;
        int p11 = offset0 + (r1 + k1) * pixelStep;
        for (int c = 0, o = at, s = 0; c < channels; c++, o += channelOut, s += channelStep) {
            float v00 = sample(p00 + s);
            float v01 = sample(p01 + s);
            float v10 = sample(p10 + s);
            float v11 = sample(p11 + s);
            float top = Math.fma(v01 - v00, fx, v00);
            float bottom = Math.fma(v11 - v10, fx, v10);
            dst[o] = Math.fma(Math.fma(bottom - top, fy, top), scale[c], offset[c]);
        }
    }

    /** Round half up ({@code floor(c + 0.5f)}), then the tap map. */
    private void nearest(float c0, float c1, float[] dst, int at, int channelOut) {
        int row = tap((int) floor(c0 + 0.5f), srcHeight);
        int col = tap((int) floor(c1 + 0.5f), srcWidth);
        int p = offset0 + (row * srcWidth + col) * pixelStep;
        for (int c = 0, o = at, s = 0; c < channels; c++, o += channelOut, s += channelStep) {
            dst[o] = Math.fma(sample(p + s), scale[c], offset[c]);
        }
    }

    private float sample(int k) {
        return bytes != null ? bytes[k] & 0xFF : floats[k];
    }
}
