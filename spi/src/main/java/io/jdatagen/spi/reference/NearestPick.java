package io.jdatagen.spi.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The plain-Java {@link PillowResample#resampleNearest}: pixels picked by row and column. */
final class NearestPick {
    /** Four bytes of a byte array as one int: an RGB pixel plus one byte. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private NearestPick() {
    }

    static void run(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
        int width = cols.length;
        int[] offsets = new int[width];
        for (int x = 0; x < width; x++) {
            offsets[x] = cols[x] * channels;
        }
        for (int y = 0; y < rows.length; y++) {
            int srcRow = rows[y] * srcWidth * channels;
            int o = y * width * channels;
            if (channels == 3) {
                rgbRow(src, srcRow, offsets, out, o);
            } else {
                for (int x = 0; x < width; x++) {
                    int s = srcRow + offsets[x];
                    for (int c = 0; c < channels; c++) {
                        out[o++] = src[s + c];
                    }
                }
            }
        }
    }

    /**
     * One RGB row: each pixel moves as a 4-byte int whose fourth byte the next pixel overwrites; the
     * row's last pixel (whose fourth byte belongs to the next row or lies past the arrays) and
     * pixels whose fourth source byte lies past the source move byte by byte.
     */
    private static void rgbRow(byte[] src, int srcRow, int[] offsets, byte[] out, int o) {
        int width = offsets.length;
        int x = 0;
        for (; x < width - 1; x++, o += 3) {
            int s = srcRow + offsets[x];
            if (s + 4 > src.length) {
                break;
            }
            INT.set(out, o, (int) INT.get(src, s));
        }
        for (; x < width; x++, o += 3) {
            int s = srcRow + offsets[x];
            out[o] = src[s];
            out[o + 1] = src[s + 1];
            out[o + 2] = src[s + 2];
        }
    }
}
