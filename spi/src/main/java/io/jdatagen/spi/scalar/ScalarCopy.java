package io.jdatagen.spi.scalar;

import io.jdatagen.core.DataFormat;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;

/**
 * Plans without an affine (identity or flips only), whatever their interpolation and fill: samples
 * are copied, converted to float and given the color step as a multiply, then an add (the
 * {@code simd} backend's copy kernel, so the same bits), one output row at a time; rows into a heap slot
 * of their source's layout without a column flip in loops of their own.
 */
final class ScalarCopy {
    private ScalarCopy() {
    }

    static void copy(SourceImage src, WarpPlan plan, OutputSlot out) {
        if (out.hasArray() && src.format() == out.format() && !plan.flipCols()) {
            rows(src, plan, out);
            return;
        }
        int height = out.height();
        int width = out.width();
        int channels = out.channels();
        float[] row = new float[width * channels];
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            for (int c = 0; c < channels; c++) {
                float scale = plan.scale(c);
                float offset = plan.offset(c);
                int first = src.index(vi, 0, c);
                int step = width > 1 ? src.index(vi, 1, c) - first : 0;
                for (int j = 0, o = c; j < width; j++, o += channels) {
                    int k = first + (plan.flipCols() ? width - 1 - j : j) * step;
                    float v = src.isBytes() ? src.bytes()[k] & 0xFF : src.floats()[k];
                    row[o] = v * scale + offset;
                }
            }
            out.writeRow(i, row, 0, 1, channels);
        }
    }

    /**
     * A source into a heap slot of its own layout without a column flip: each output row is the source row
     * (channels-last: all channels interleaved; channels-first: one channel's row) times a row of per-channel
     * scales plus a row of offsets, in loops the JIT can vectorise; the same two roundings as the general
     * loop.
     */
    private static void rows(SourceImage src, WarpPlan plan, OutputSlot out) {
        float[] dst = out.array();
        int height = out.height();
        int channels = out.channels();
        boolean last = out.format() == DataFormat.CHANNELS_LAST;
        int length = last ? out.width() * channels : out.width();
        float[] scales = new float[length];
        float[] offsets = new float[length];
        for (int c = 0; c < (last ? 1 : channels); c++) {
            for (int k = 0; k < length; k++) {
                scales[k] = plan.scale(last ? k % channels : c);
                offsets[k] = plan.offset(last ? k % channels : c);
            }
            for (int i = 0; i < height; i++) {
                int from = src.index(plan.flipRows() ? height - 1 - i : i, 0, c);
                int to = out.index(i, 0, c);
                if (src.isBytes()) {
                    byteRow(src.bytes(), from, scales, offsets, dst, to, length);
                } else {
                    floatRow(src.floats(), from, scales, offsets, dst, to, length);
                }
            }
        }
    }

    private static void byteRow(byte[] b, int from, float[] scales, float[] offsets, float[] dst, int to,
            int length) {
        for (int k = 0; k < length; k++) {
            dst[to + k] = (b[from + k] & 0xFF) * scales[k] + offsets[k];
        }
    }

    private static void floatRow(float[] f, int from, float[] scales, float[] offsets, float[] dst, int to,
            int length) {
        for (int k = 0; k < length; k++) {
            dst[to + k] = f[from + k] * scales[k] + offsets[k];
        }
    }
}
