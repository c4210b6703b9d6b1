package io.jdatagen.spi.scalar;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;

/**
 * The plain-Java warp for the common plans: an 8-bit source, nearest or bilinear interpolation, the
 * clamping fill modes ({@code nearest}, {@code constant}). Coordinates follow the reference's
 * formula in double precision; bilinear blends in float; the source is read straight from its
 * byte array and the output written straight into the slot's array, in simple loops the JIT
 * compiles tightly. Results agree with the reference's within float rounding.
 */
final class ScalarWarp {
    private ScalarWarp() {
    }

    /** {@return whether this kernel handles {@code plan} on {@code source}} */
    static boolean supports(SourceImage source, WarpPlan plan) {
        return source.isBytes() && source.channels() <= 4
                && (plan.fillMode() == FillMode.NEAREST || plan.fillMode() == FillMode.CONSTANT)
                && (plan.interpolation() == Interpolation.NEAREST || plan.interpolation() == Interpolation.BILINEAR);
    }

    static void warp(SourceImage src, WarpPlan plan, OutputSlot out) {
        int height = out.height();
        int width = out.width();
        int channels = out.channels();
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = plan.hasColor() ? plan.scale(c) : 1f;
            offset[c] = plan.hasColor() ? plan.offset(c) : 0f;
        }
        double[] m = plan.isIdentityAffine() ? new double[] {1, 0, 0, 0, 1, 0} : plan.inverseAffine();
        if (!out.hasArray()) {
            float[] row = new float[width * channels];
            Rows rows = new Rows(src, plan, m, scale, offset, row, 1, channels);
            for (int i = 0; i < height; i++) {
                rows.row(plan.flipRows() ? height - 1 - i : i, 0, width, plan.flipCols());
                out.writeRow(i, row, 0, 1, channels);
            }
            return;
        }
        boolean first = out.format() == DataFormat.CHANNELS_FIRST;
        int base = out.baseOffset();
        Rows rows = new Rows(src, plan, m, scale, offset, out.array(), first ? height * width : 1,
                first ? 1 : channels);
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            rows.row(vi, base + (first ? i * width : i * width * channels), width, plan.flipCols());
        }
    }

    /** One output row at a time; fields hold what every row reads. */
    private static final class Rows {
        private final byte[] bytes;
        private final int offset0;
        private final int h;
        private final int w;
        private final int channels;
        private final boolean nearest;
        private final boolean constant;
        private final float fill;
        private final double a0;
        private final double a1;
        private final double a2;
        private final double a3;
        private final double a4;
        private final double a5;
        private final float[] scale;
        private final float[] offset;
        private final float[] dst;
        private final int channelStep;
        private final int pixelStep;

        Rows(SourceImage src, WarpPlan plan, double[] m, float[] scale, float[] offset, float[] dst, int channelStep,
                int pixelStep) {
            this.bytes = src.bytes();
            this.offset0 = src.offset();
            this.h = src.height();
            this.w = src.width();
            this.channels = src.channels();
            this.nearest = plan.interpolation() == Interpolation.NEAREST;
            this.constant = plan.fillMode() == FillMode.CONSTANT;
            this.fill = (float) plan.fillValue();
            this.a0 = m[0];
            this.a1 = m[1];
            this.a2 = m[2];
            this.a3 = m[3];
            this.a4 = m[4];
            this.a5 = m[5];
            this.scale = scale;
            this.offset = offset;
            this.dst = dst;
            this.channelStep = channelStep;
            this.pixelStep = pixelStep;
        }

        void row(int vi, int at, int width, boolean flipCols) {
            double r0 = a2 + vi * a0;
            double r1 = a5 + vi * a3;
            if (!constant && !nearest && channels == 3) {
                rgbBilinearRow(r0, r1, at, width, flipCols);
                return;
            }
            for (int j = 0; j < width; j++, at += pixelStep) {
                int vj = flipCols ? width - 1 - j : j;
                double c0 = r0 + vj * a1;
                double c1 = r1 + vj * a4;
                if (constant && (c0 < 0 || c0 > h - 1 || c1 < 0 || c1 > w - 1)) {
                    for (int c = 0, o = at; c < channels; c++, o += channelStep) {
                        dst[o] = fill * scale[c] + offset[c];
                    }
                } else if (nearest) {
                    nearestPixel(c0, c1, at);
                } else {
                    bilinearPixel(c0, c1, at);
                }
            }
        }

        /**
         * The headline case, unrolled: 3 channels, bilinear, nearest fill. Same arithmetic as
         * {@link #bilinearPixel}, with the channel constants in locals.
         */
        private void rgbBilinearRow(double r0, double r1, int at, int width, boolean flipCols) {
            float s0c = scale[0];
            float s1c = scale[1];
            float s2c = scale[2];
            float o0c = offset[0];
            float o1c = offset[1];
            float o2c = offset[2];
            int stride = w * 3;
            double maxY = h - 1;
            double maxX = w - 1;
            for (int j = 0; j < width; j++, at += pixelStep) {
                int vj = flipCols ? width - 1 - j : j;
                double y = r0 + vj * a1;
                double x = r1 + vj * a4;
                y = y < 0 ? 0 : y > maxY ? maxY : y;
                x = x < 0 ? 0 : x > maxX ? maxX : x;
                int sy = (int) y;
                int sx = (int) x;
                float fy = (float) (y - sy);
                float fx = (float) (x - sx);
                int rowStep = sy + 1 < h ? stride : 0;
                int colStep = sx + 1 < w ? 3 : 0;
                int p = offset0 + sy * stride + sx * 3;
                int q = p + rowStep;
                dst[at] = lerp(bytes[p], bytes[p + colStep], bytes[q], bytes[q + colStep], fx, fy) * s0c + o0c;
                dst[at + channelStep] = lerp(bytes[p + 1], bytes[p + 1 + colStep], bytes[q + 1],
                        bytes[q + 1 + colStep], fx, fy) * s1c + o1c;
                dst[at + 2 * channelStep] = lerp(bytes[p + 2], bytes[p + 2 + colStep], bytes[q + 2],
                        bytes[q + 2 + colStep], fx, fy) * s2c + o2c;
            }
        }

        private static float lerp(byte b00, byte b01, byte b10, byte b11, float fx, float fy) {
            float v00 = b00 & 0xFF;
            float v10 = b10 & 0xFF;
            float top = v00 + ((b01 & 0xFF) - v00) * fx;
            float bottom = v10 + ((b11 & 0xFF) - v10) * fx;
            return top + (bottom - top) * fy;
        }

        private void nearestPixel(double c0, double c1, int at) {
            int r = clamp((long) Math.floor(c0 + 0.5), h);
            int q = clamp((long) Math.floor(c1 + 0.5), w);
            int s = offset0 + (r * w + q) * channels;
            for (int c = 0, o = at; c < channels; c++, o += channelStep) {
                dst[o] = (bytes[s + c] & 0xFF) * scale[c] + offset[c];
            }
        }

        /**
         * Bilinear with the coordinate clamped into the image first (for the nearest mode this is
         * scipy's tap clamping; a constant-mode coordinate reaching here is inside already), then
         * two float lerps along the columns and one along the rows.
         */
        private void bilinearPixel(double c0, double c1, int at) {
            double y = c0 < 0 ? 0 : c0 > h - 1 ? h - 1 : c0;
            double x = c1 < 0 ? 0 : c1 > w - 1 ? w - 1 : c1;
            int s0 = (int) y;
            int s1 = (int) x;
            float fy = (float) (y - s0);
            float fx = (float) (x - s1);
            int rowStep = s0 + 1 < h ? w * channels : 0;
            int colStep = s1 + 1 < w ? channels : 0;
            int p = offset0 + (s0 * w + s1) * channels;
            for (int c = 0, o = at; c < channels; c++, o += channelStep, p++) {
                float v00 = bytes[p] & 0xFF;
                float v01 = bytes[p + colStep] & 0xFF;
                float v10 = bytes[p + rowStep] & 0xFF;
                float v11 = bytes[p + rowStep + colStep] & 0xFF;
                float top = v00 + (v01 - v00) * fx;
                float bottom = v10 + (v11 - v10) * fx;
                dst[o] = (top + (bottom - top) * fy) * scale[c] + offset[c];
            }
        }

        /** A tap index clamped into {@code [0, n)}: the nearest mode's map, and the constant mode's for in-range coordinates. */
        private static int clamp(long k, int n) {
            return k < 0 ? 0 : k >= n ? n - 1 : (int) k;
        }
    }
}
