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
 * reference's double coordinates. 8-bit sources under the clamping fill modes take shorter loops (the
 * RGB bilinear one unrolled: the headline plan) with the same bits, and so does every block of pixels
 * that lies inside the source, where steps (1)-(3) reduce to the coordinate, its truncation and the
 * neighbouring taps.
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
        boolean clamped = bytes != null && (mode == FillMode.NEAREST || constant);
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            double base0 = plan.affine(2) + vi * a0;
            double base1 = plan.affine(5) + vi * a3;
            int at = direct ? out.index(i, 0, 0) : 0;
            for (int j0 = 0; j0 < width; j0 += BLOCK, at += BLOCK * pixelOut) {
                int vj = flipCols ? width - 1 - j0 : j0;
                float start0 = (float) (base0 + vj * a1);
                float start1 = (float) (base1 + vj * a4);
                int lanes = Math.min(BLOCK, width - j0);
                if (interior(lanes, start0, start1, step0, step1)) {
                    if (bilinear && channels == 3 && pixelStep == 3) {
                        interiorRgbBilinearBlock(lanes, start0, start1, step0, step1, dst, at, pixelOut, channelOut);
                    } else {
                        interiorBlock(lanes, start0, start1, step0, step1, dst, at, pixelOut, channelOut);
                    }
                } else if (!clamped) {
                    block(lanes, start0, start1, step0, step1, dst, at, pixelOut, channelOut);
                } else if (!bilinear) {
                    clampedNearestBlock(lanes, start0, start1, step0, step1, dst, at, pixelOut, channelOut);
                } else if (channels == 3) {
                    clampedRgbBilinearBlock(lanes, start0, start1, step0, step1, dst, at, pixelOut, channelOut);
                } else {
                    clampedBilinearBlock(lanes, start0, start1, step0, step1, dst, at, pixelOut, channelOut);
                }
            }
            if (!direct) {
                out.writeRow(i, row, 0, 1, channels);
            }
        }
    }

    /** Whether a coordinate pair lies inside the source (the constant mode's test). */
    private boolean inside(float c0, float c1) {
        return c0 >= 0f && c0 <= maxRow && c1 >= 0f && c1 <= maxCol;
    }

    /** Writes the colored fill value into the pixel at {@code at}. */
    private void fill(float[] dst, int at, int channelOut) {
        for (int c = 0, o = at; c < channels; c++, o += channelOut) {
            dst[o] = fill[c];
        }
    }

    /** One block of a row, any source and fill mode: the general form of the vector warp's stages. */
    private void block(int lanes, float start0, float start1, float step0, float step1, float[] dst, int at,
            int pixelOut, int channelOut) {
        for (int k = 0; k < lanes; k++, at += pixelOut) {
            float c0 = limit(Math.fma((float) k, step0, start0));
            float c1 = limit(Math.fma((float) k, step1, start1));
            if (constant && !inside(c0, c1)) {
                fill(dst, at, channelOut);
            } else if (bilinear) {
                bilinear(map(c0, srcHeight), map(c1, srcWidth), dst, at, channelOut);
            } else {
                nearest(map(c0, srcHeight), map(c1, srcWidth), dst, at, channelOut);
            }
        }
    }

    /**
     * One block of a nearest plan under a clamping fill mode ({@code nearest}, {@code constant}) on an
     * 8-bit source, as the vector warp's pair-gather kernel computes it: the coordinate is clamped into
     * {@code [0, n-1]} first, then rounded half up by a truncation. The taps and values are those of the
     * general form ({@link #block}); the clamp moves no tap that carries weight.
     */
    private void clampedNearestBlock(int lanes, float start0, float start1, float step0, float step1, float[] dst,
            int at, int pixelOut, int channelOut) {
        for (int k = 0; k < lanes; k++, at += pixelOut) {
            float c0 = Math.fma((float) k, step0, start0);
            float c1 = Math.fma((float) k, step1, start1);
            if (constant && !inside(c0, c1)) {
                fill(dst, at, channelOut);
                continue;
            }
            int row = (int) ((c0 < 0f ? 0f : c0 > maxRow ? maxRow : c0) + 0.5f);
            int col = (int) ((c1 < 0f ? 0f : c1 > maxCol ? maxCol : c1) + 0.5f);
            int p = offset0 + (row * srcWidth + col) * channels;
            for (int c = 0, o = at; c < channels; c++, o += channelOut) {
                dst[o] = Math.fma((float) (bytes[p + c] & 0xFF), scale[c], offset[c]);
            }
        }
    }

    /**
     * One block of a bilinear plan under a clamping fill mode on an 8-bit source, the coordinate clamped
     * into {@code [0, n-1]} before the floor (the pair-gather kernel's form). A tap moved by the clamp
     * either carries zero weight or equals its neighbour, and 8-bit values are never {@code -0}, so the
     * bits are those of the general form ({@link #block}).
     */
    private void clampedBilinearBlock(int lanes, float start0, float start1, float step0, float step1, float[] dst,
            int at, int pixelOut, int channelOut) {
        int stride = srcWidth * channels;
        for (int k = 0; k < lanes; k++, at += pixelOut) {
            float c0 = Math.fma((float) k, step0, start0);
            float c1 = Math.fma((float) k, step1, start1);
            if (constant && !inside(c0, c1)) {
                fill(dst, at, channelOut);
                continue;
            }
            float y = c0 < 0f ? 0f : c0 > maxRow ? maxRow : c0;
            float x = c1 < 0f ? 0f : c1 > maxCol ? maxCol : c1;
            int sy = (int) y;
            int sx = (int) x;
            float fy = y - sy;
            float fx = x - sx;
            int p = offset0 + sy * stride + sx * channels;
            int q = sy < srcHeight - 1 ? p + stride : p;
            int right = sx < srcWidth - 1 ? channels : 0;
            for (int c = 0, o = at; c < channels; c++, o += channelOut) {
                dst[o] = Math.fma(lerp(bytes[p + c], bytes[p + c + right], bytes[q + c], bytes[q + c + right], fx,
                        fy), scale[c], offset[c]);
            }
        }
    }

    /** {@link #clampedBilinearBlock} with the three channels written out: the headline plan. */
    private void clampedRgbBilinearBlock(int lanes, float start0, float start1, float step0, float step1,
            float[] dst, int at, int pixelOut, int channelOut) {
        int stride = srcWidth * 3;
        for (int k = 0; k < lanes; k++, at += pixelOut) {
            float c0 = Math.fma((float) k, step0, start0);
            float c1 = Math.fma((float) k, step1, start1);
            if (constant && !inside(c0, c1)) {
                fill(dst, at, channelOut);
                continue;
            }
            float y = c0 < 0f ? 0f : c0 > maxRow ? maxRow : c0;
            float x = c1 < 0f ? 0f : c1 > maxCol ? maxCol : c1;
            int sy = (int) y;
            int sx = (int) x;
            int p = offset0 + sy * stride + sx * 3;
            rgbPixel(p, sy < srcHeight - 1 ? p + stride : p, sx < srcWidth - 1 ? 3 : 0, x - sx, y - sy, dst, at,
                    channelOut);
        }
    }

    /**
     * One RGB pixel of 8-bit taps: the bilinear blend of the taps at {@code p} and {@code p + right} (upper
     * row) and {@code q}, {@code q + right} (lower row), then the color step, per channel.
     */
    private void rgbPixel(int p, int q, int right, float fx, float fy, float[] dst, int at, int channelOut) {
        byte[] b = bytes;
        dst[at] = Math.fma(lerp(b[p], b[p + right], b[q], b[q + right], fx, fy), scale[0], offset[0]);
        dst[at + channelOut] = Math.fma(lerp(b[p + 1], b[p + 1 + right], b[q + 1], b[q + 1 + right], fx, fy),
                scale[1], offset[1]);
        dst[at + 2 * channelOut] = Math.fma(lerp(b[p + 2], b[p + 2 + right], b[q + 2], b[q + 2 + right], fx, fy),
                scale[2], offset[2]);
    }

    /**
     * Whether every coordinate of a block lies in {@code [0, n-1)} on both axes, checked at its two ends (each
     * coordinate is a fused multiply-add, monotonic in the lane). There the limit, the constant mode's
     * inside test and every fill mode's map leave the coordinate as it is, the floor is the truncation and
     * the taps need no clamp or wrap: {@link #interiorBlock} and {@link #interiorRgbBilinearBlock} run the
     * same taps and arithmetic as the general forms without those steps.
     */
    private boolean interior(int lanes, float start0, float start1, float step0, float step1) {
        float end0 = Math.fma((float) (lanes - 1), step0, start0);
        float end1 = Math.fma((float) (lanes - 1), step1, start1);
        return Math.min(start0, end0) >= 0f && Math.max(start0, end0) < maxRow && Math.min(start1, end1) >= 0f
                && Math.max(start1, end1) < maxCol;
    }

    /** {@link #block} for a block that is {@linkplain #interior inside the source}, any source and channels. */
    private void interiorBlock(int lanes, float start0, float start1, float step0, float step1, float[] dst, int at,
            int pixelOut, int channelOut) {
        int rowStep = srcWidth * pixelStep;
        for (int k = 0; k < lanes; k++, at += pixelOut) {
            float c0 = Math.fma((float) k, step0, start0);
            float c1 = Math.fma((float) k, step1, start1);
            if (!bilinear) {
                int p = offset0 + ((int) (c0 + 0.5f) * srcWidth + (int) (c1 + 0.5f)) * pixelStep;
                for (int c = 0, o = at, q = p; c < channels; c++, o += channelOut, q += channelStep) {
                    dst[o] = Math.fma(sample(q), scale[c], offset[c]);
                }
                continue;
            }
            int a = (int) c0;
            int b = (int) c1;
            float fy = c0 - a;
            float fx = c1 - b;
            int p00 = offset0 + (a * srcWidth + b) * pixelStep;
            for (int c = 0, o = at, p = p00; c < channels; c++, o += channelOut, p += channelStep) {
                dst[o] = Math.fma(lerp(sample(p), sample(p + pixelStep), sample(p + rowStep),
                        sample(p + rowStep + pixelStep), fx, fy), scale[c], offset[c]);
            }
        }
    }

    /**
     * {@link #clampedRgbBilinearBlock} for a block of a channels-last RGB source (8-bit or float) that is
     * {@linkplain #interior inside the source}: the same taps and arithmetic without the clamps and edge tests,
     * the three channels written out.
     */
    private void interiorRgbBilinearBlock(int lanes, float start0, float start1, float step0, float step1,
            float[] dst, int at, int pixelOut, int channelOut) {
        int stride = srcWidth * 3;
        for (int k = 0; k < lanes; k++, at += pixelOut) {
            float y = Math.fma((float) k, step0, start0);
            float x = Math.fma((float) k, step1, start1);
            int sy = (int) y;
            int sx = (int) x;
            int p = offset0 + sy * stride + sx * 3;
            if (bytes != null) {
                rgbPixel(p, p + stride, 3, x - sx, y - sy, dst, at, channelOut);
            } else {
                rgbFloatPixel(p, p + stride, x - sx, y - sy, dst, at, channelOut);
            }
        }
    }

    /** {@link #rgbPixel} from a float source, the right neighbours 3 values on. */
    private void rgbFloatPixel(int p, int q, float fx, float fy, float[] dst, int at, int channelOut) {
        float[] f = floats;
        dst[at] = Math.fma(lerp(f[p], f[p + 3], f[q], f[q + 3], fx, fy), scale[0], offset[0]);
        dst[at + channelOut] = Math.fma(lerp(f[p + 1], f[p + 4], f[q + 1], f[q + 4], fx, fy), scale[1], offset[1]);
        dst[at + 2 * channelOut] = Math.fma(lerp(f[p + 2], f[p + 5], f[q + 2], f[q + 5], fx, fy), scale[2],
                offset[2]);
    }

    /** The bilinear blend of four 8-bit taps: the float blend of their values. */
    private static float lerp(byte b00, byte b01, byte b10, byte b11, float fx, float fy) {
        return lerp(b00 & 0xFF, b01 & 0xFF, b10 & 0xFF, b11 & 0xFF, fx, fy);
    }

    /** The bilinear blend of four taps: two fused lerps along the columns, one along the rows. */
    private static float lerp(float v00, float v01, float v10, float v11, float fx, float fy) {
        float top = Math.fma(v01 - v00, fx, v00);
        float bottom = Math.fma(v11 - v10, fx, v10);
        return Math.fma(bottom - top, fy, top);
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
            dst[o] = Math.fma(lerp(sample(p00 + s), sample(p01 + s), sample(p10 + s), sample(p11 + s), fx, fy),
                    scale[c], offset[c]);
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
