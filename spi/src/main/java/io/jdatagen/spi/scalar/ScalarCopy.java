package io.jdatagen.spi.scalar;

import io.jdatagen.spi.CopyRows;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;

/**
 * Plans without an affine (identity or flips only), whatever their interpolation and fill: samples
 * are copied, converted to float and given the color step as a multiply, then an add (the
 * {@code simd} backend's copy kernel, so the same bits), one output row at a time; rows into a heap slot
 * of their source's layout without a column flip ({@link CopyRows}) in loops the JIT can vectorise.
 */
final class ScalarCopy {
    private ScalarCopy() {
    }

    static void copy(SourceImage src, WarpPlan plan, OutputSlot out) {
        if (CopyRows.apply(src, plan, out)) {
            if (src.isBytes()) {
                byte[] b = src.bytes();
                CopyRows.run(src, plan, out, (from, scales, offsets, dst, to, length) -> {
                    for (int k = 0; k < length; k++) {
                        dst[to + k] = (b[from + k] & 0xFF) * scales[k] + offsets[k];
                    }
                });
            } else {
                float[] f = src.floats();
                CopyRows.run(src, plan, out, (from, scales, offsets, dst, to, length) -> {
                    for (int k = 0; k < length; k++) {
                        dst[to + k] = f[from + k] * scales[k] + offsets[k];
                    }
                });
            }
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
}
