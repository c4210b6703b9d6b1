package io.jdatagen.simd;

import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;

/**
 * The fast path for plans without an affine (identity or flips only): rows are copied with the
 * conversion to float and the color step, no resampling (exactly the reference's values). 8-bit
 * RGB goes through {@link RgbCopy} (vectorised); other sources take the scalar loop here.
 */
final class CopyKernel {
    private CopyKernel() {
    }

    static void run(SourceImage src, WarpPlan plan, OutputSlot out) {
        if (src.isBytes() && src.channels() == 3) {
            new RgbCopy(src, plan, out).run();
            return;
        }
        Scratch s = Scratch.get();
        int height = out.height();
        int width = out.width();
        int channels = out.channels();
        int padded = width;
        s.ensureRow(padded, channels);
        float[] row = s.row;
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            for (int c = 0; c < channels; c++) {
                copyChannel(src, plan, vi, c, row, c * padded, width);
            }
            RowWriter.write(out, i, row, padded);
        }
    }

    private static void copyChannel(SourceImage src, WarpPlan plan, int vi, int c, float[] row, int at, int width) {
        float scale = plan.scale(c);
        float offset = plan.offset(c);
        int first = src.index(vi, 0, c);
        int step = src.index(vi, 1, c) - first;
        boolean flip = plan.flipCols();
        if (src.isBytes()) {
            byte[] b = src.bytes();
            for (int j = 0; j < width; j++) {
                int vj = flip ? width - 1 - j : j;
                row[at + j] = (b[first + vj * step] & 0xFF) * scale + offset;
            }
        } else {
            float[] f = src.floats();
            for (int j = 0; j < width; j++) {
                int vj = flip ? width - 1 - j : j;
                row[at + j] = f[first + vj * step] * scale + offset;
            }
        }
    }
}
