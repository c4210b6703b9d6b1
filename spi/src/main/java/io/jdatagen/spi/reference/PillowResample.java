package io.jdatagen.spi.reference;

import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.ResampleTable;
import java.util.Arrays;

/**
 * Pillow's resampling in plain Java, the implementation every {@link ResampleKernel} must equal
 * byte for byte: the two passes of its separable 8-bit convolution ({@code Image.resize} with a
 * filter; {@code ImagingResampleHorizontal_8bpc} and {@code ImagingResampleVertical_8bpc} in
 * {@code Resample.c}), with its fixed-point weights ({@link ResampleTable#PRECISION_BITS} fraction
 * bits), rounding and clipping, and its nearest-neighbour pick. The {@code reference} and
 * {@code scalar} backends resample with it; other backends delegate the cases they do not
 * vectorise to it. Stateless and thread-safe.
 *
 * @see <a href="https://github.com/python-pillow/Pillow/blob/main/src/libImaging/Resample.c">Pillow's Resample.c</a>
 */
public final class PillowResample implements ResampleKernel {
    /** Creates the (stateless) kernel. */
    public PillowResample() {
    }

    @Override
    public void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
            byte[] out) {
        int width = table.outSize();
        int half = 1 << (ResampleTable.PRECISION_BITS - 1);
        if (channels == 3) {
            rgbRows(src, srcWidth, firstRow, rows, table, out);
            return;
        }
        int[] acc = new int[channels];
        for (int y = 0; y < rows; y++) {
            int rowBase = (y + firstRow) * srcWidth * channels;
            for (int x = 0; x < width; x++) {
                Arrays.fill(acc, half);
                int s = rowBase + table.first(x) * channels;
                for (int t = 0; t < table.count(x); t++, s += channels) {
                    int weight = table.weight(x, t);
                    for (int c = 0; c < channels; c++) {
                        acc[c] += (src[s + c] & 0xFF) * weight;
                    }
                }
                int o = (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    out[o + c] = clip8(acc[c]);
                }
            }
        }
    }

    /**
     * The RGB rows with red and blue summed in one 64-bit accumulator, red in its low 32 bits and blue
     * above: one multiply per tap for the two. The 64-bit sum is exactly {@code red + blue · 2^32} (each
     * channel's sum fits in an int, as Pillow's own 32-bit sums do), so its low 32 bits are the red sum
     * and the rest, once red is taken off, the blue sum: the same integers as three int sums.
     */
    private static void rgbRows(byte[] src, int srcWidth, int firstRow, int rows, ResampleTable table, byte[] out) {
        int width = table.outSize();
        int half = 1 << (ResampleTable.PRECISION_BITS - 1);
        long halves = half | (long) half << 32;
        for (int y = 0; y < rows; y++) {
            int rowBase = (y + firstRow) * srcWidth * 3;
            int o = y * width * 3;
            for (int x = 0; x < width; x++) {
                long redBlue = halves;
                int g = half;
                int s = rowBase + table.first(x) * 3;
                for (int t = 0; t < table.count(x); t++, s += 3) {
                    int weight = table.weight(x, t);
                    redBlue += ((src[s] & 0xFF) | (long) (src[s + 2] & 0xFF) << 32) * weight;
                    g += (src[s + 1] & 0xFF) * weight;
                }
                int r = (int) redBlue;
                out[o++] = clip8(r);
                out[o++] = clip8(g);
                out[o++] = clip8((int) ((redBlue - r) >> 32));
            }
        }
    }

    @Override
    public void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
        int rowLength = width * channels;
        int[] acc = new int[rowLength];
        for (int y = 0; y < table.outSize(); y++) {
            Arrays.fill(acc, 1 << (ResampleTable.PRECISION_BITS - 1));
            for (int t = 0; t < table.count(y); t++) {
                int weight = table.weight(y, t);
                int s = (table.first(y) + t) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    acc[i] += (src[s + i] & 0xFF) * weight;
                }
            }
            int o = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                out[o + i] = clip8(acc[i]);
            }
        }
    }

    @Override
    public void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
        NearestPick.run(src, srcWidth, channels, rows, cols, out);
    }

    /** {@code acc >> 22} clamped to 0–255, as Pillow's {@code clip8}. */
    private static byte clip8(int acc) {
        if (acc >= 1 << ResampleTable.PRECISION_BITS << 8) {
            return (byte) 255;
        }
        return acc <= 0 ? 0 : (byte) (acc >> ResampleTable.PRECISION_BITS);
    }
}
