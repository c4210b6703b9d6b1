package io.jdatagen.simd;

import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.OutputSlot;

/**
 * Copies a finished row (one buffer per channel, {@code padded} apart) into the output slot: heap
 * slots here, buffer slots (direct memory, any element type) through {@link OutputSlot#writeRow}.
 */
final class RowWriter {
    private RowWriter() {
    }

    static void write(OutputSlot out, int i, float[] row, int padded) {
        if (!out.hasArray()) {
            out.writeRow(i, row, 0, padded, 1);
            return;
        }
        float[] dst = out.array();
        int width = out.width();
        int channels = out.channels();
        if (out.format() == DataFormat.CHANNELS_FIRST) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(row, c * padded, dst, out.index(i, 0, c), width);
            }
            return;
        }
        int base = out.index(i, 0, 0);
        if (channels == 3) {
            for (int j = 0, o = base; j < width; j++, o += 3) {
                dst[o] = row[j];
                dst[o + 1] = row[padded + j];
                dst[o + 2] = row[2 * padded + j];
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int j = 0, o = base + c, r = c * padded; j < width; j++, o += channels, r++) {
                dst[o] = row[r];
            }
        }
    }
}
