package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;

/**
 * The rows of a plan without an affine or a column flip, copied into a heap slot of the source's own layout:
 * each output row is one source row (channels-last: all channels interleaved; channels-first: one channel's
 * row), to be multiplied by a row of per-channel scales and added to a row of offsets laid out as its values
 * are. Backends walk the rows here and convert each one with their own loop; every value is then
 * {@code x · scale + offset}, a multiply and an add, however the loop runs.
 */
public final class CopyRows {
    private CopyRows() {
    }

    /** Converts one row: {@code dst[to + k] = source[from + k] · scales[k] + offsets[k]} for {@code k < length}. */
    @FunctionalInterface
    public interface Row {
        /**
         * @param from the row's first sample in the source's array
         * @param to the row's first value in the slot's array
         * @param length the values in the row
         */
        void convert(int from, float[] scales, float[] offsets, float[] dst, int to, int length);
    }

    /**
     * {@return whether {@code src} goes into {@code out} row by row under {@code plan} (a plan without an affine
     * is assumed): a heap slot of the source's layout and no column flip}
     */
    public static boolean apply(SourceImage src, WarpPlan plan, OutputSlot out) {
        return out.hasArray() && src.format() == out.format() && !plan.flipCols();
    }

    /** Every output row of {@code out} from its source row (flipped rows read from the bottom), by {@code row}. */
    public static void run(SourceImage src, WarpPlan plan, OutputSlot out, Row row) {
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
                row.convert(from, scales, offsets, dst, out.index(i, 0, c), length);
            }
        }
    }
}
