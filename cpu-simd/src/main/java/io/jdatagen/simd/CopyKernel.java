package io.jdatagen.simd;

import io.jdatagen.spi.CopyRows;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast path for plans without an affine (identity or flips only): rows are copied with the
 * conversion to float and the color step, no resampling (exactly the reference's values). 8-bit
 * RGB goes through {@link RgbCopy} (vectorised), float32 sources into a heap slot of their own layout
 * without a column flip through a vectorised row loop; other sources take the scalar loop here.
 */
final class CopyKernel {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();

    private CopyKernel() {
    }

    static void run(SourceImage src, WarpPlan plan, OutputSlot out) {
        if (src.isBytes() && src.channels() == 3) {
            new RgbCopy(src, plan, out).run();
            return;
        }
        if (!src.isBytes() && CopyRows.apply(src, plan, out)) {
            float[] f = src.floats();
            CopyRows.run(src, plan, out, (from, scales, offsets, dst, to, length) ->
                    scaleRow(f, from, scales, offsets, dst, to, length));
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

    /**
     * One row of a float32 source into a heap slot of its own layout ({@link CopyRows}), a vector at a time
     * against the rows of per-channel scales and offsets. Each value is {@code x · scale + offset} with two
     * roundings, as the scalar loop computes it (without a color step too, so a {@code −0} becomes {@code +0}
     * as there and in the scalar backend's copy).
     */
    private static void scaleRow(float[] f, int from, float[] scales, float[] offsets, float[] dst, int to,
            int length) {
        int k = 0;
        for (; k + L <= length; k += L) {
            FloatVector.fromArray(FS, f, from + k).mul(FloatVector.fromArray(FS, scales, k))
                    .add(FloatVector.fromArray(FS, offsets, k)).intoArray(dst, to + k);
        }
        for (; k < length; k++) {
            dst[to + k] = f[from + k] * scales[k] + offsets[k];
        }
    }
}
