package io.jdatagen.spi.scalar;

import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.reference.PillowResample;
import java.util.Arrays;

/**
 * Pillow's 8-bit resampling in plain Java, with a row pass the JIT can vectorise: the same integer
 * products and sums as {@link PillowResample}, so the same bytes. Pillow's row pass sums a few neighbouring
 * pixels of a row per output pixel, which the JIT compiles to one multiply-add at a time. Here a band of
 * rows is first turned into one array per source column (each pixel's channels down the band, widened to
 * int); an output column is then a weighted sum of a few of those arrays, whole arrays at a time, which the
 * JIT turns into vector instructions, and the sums are clamped and written back across the output rows.
 * Only the order of the additions differs from Pillow's, which changes nothing: integer addition wraps
 * exactly, in any order. The column pass and the nearest pick are {@link PillowResample}'s.
 */
final class ScalarResample implements ResampleKernel {
    /** Rows per band: the column arrays of a band stay in the processor's cache. */
    static final int BAND = 64;
    /**
     * The most values a thread's column arrays hold (4 MiB): an image so wide that a band of {@link #BAND} rows
     * would need more is resampled in fewer rows at a time.
     */
    static final int MOST_COLUMN_VALUES = 1 << 20;
    private static final int HALF = 1 << (ResampleTable.PRECISION_BITS - 1);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private final PillowResample plain = new PillowResample();

    @Override
    public void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
            byte[] out) {
        int width = table.outSize();
        int taps = table.taps();
        int[] bounds = table.bounds();
        int[] weights = table.weights();
        int lo = bounds[0];
        int hi = 0;
        for (int x = 0; x < width; x++) {
            lo = Math.min(lo, bounds[2 * x]);
            hi = Math.max(hi, bounds[2 * x] + bounds[2 * x + 1]);
        }
        int rowsPerBand = Math.max(1, Math.min(BAND, MOST_COLUMN_VALUES / (srcWidth * channels)));
        Scratch scratch = SCRATCH.get().sized(srcWidth, rowsPerBand * channels);
        int[][] columns = scratch.columns;
        int[] sums = scratch.sums;
        for (int y0 = 0; y0 < rows; y0 += rowsPerBand) {
            int band = Math.min(rowsPerBand, rows - y0);
            int n = band * channels;
            transpose(src, srcWidth, channels, firstRow + y0, band, lo, hi, columns);
            for (int x = 0; x < width; x++) {
                int first = bounds[2 * x];
                int count = bounds[2 * x + 1];
                int w = x * taps;
                if (count == 0) {
                    Arrays.fill(sums, 0, n, HALF);
                } else {
                    firstTap(columns[first], weights[w], sums, n);
                }
                for (int t = 1; t < count; t++) {
                    addTap(columns[first + t], weights[w + t], sums, n);
                }
                clip8(sums, n);
                scatter(sums, band, channels, out, (y0 * width + x) * channels, width * channels);
            }
        }
    }

    /** Rows {@code [row, row + band)}, columns {@code [lo, hi)} of {@code src} into one array per column. */
    private static void transpose(byte[] src, int srcWidth, int channels, int row, int band, int lo, int hi,
            int[][] columns) {
        for (int y = 0; y < band; y++) {
            int s = ((row + y) * srcWidth + lo) * channels;
            int k = y * channels;
            if (channels == 3) {
                for (int x = lo; x < hi; x++, s += 3) {
                    int[] column = columns[x];
                    column[k] = src[s] & 0xFF;
                    column[k + 1] = src[s + 1] & 0xFF;
                    column[k + 2] = src[s + 2] & 0xFF;
                }
            } else {
                for (int x = lo; x < hi; x++) {
                    int[] column = columns[x];
                    for (int c = 0; c < channels; c++, s++) {
                        column[k + c] = src[s] & 0xFF;
                    }
                }
            }
        }
    }

    private static void firstTap(int[] column, int weight, int[] sums, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] = HALF + column[i] * weight;
        }
    }

    private static void addTap(int[] column, int weight, int[] sums, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] += column[i] * weight;
        }
    }

    /**
     * Pillow's {@code clip8} of each sum ({@code sum >> 22} clamped to 0–255) in place: a sum of 2^30 or more
     * shifts to 256 or more, a sum of 0 or less to 0 or less, so the clamp after the shift is the same.
     */
    private static void clip8(int[] sums, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] = Math.min(Math.max(sums[i] >> ResampleTable.PRECISION_BITS, 0), 255);
        }
    }

    /** Pixel {@code y}'s channels of {@code values} to {@code out} from {@code at}, {@code stride} apart. */
    private static void scatter(int[] values, int band, int channels, byte[] out, int at, int stride) {
        if (channels == 3) {
            for (int y = 0, k = 0; y < band; y++, k += 3, at += stride) {
                out[at] = (byte) values[k];
                out[at + 1] = (byte) values[k + 1];
                out[at + 2] = (byte) values[k + 2];
            }
            return;
        }
        for (int y = 0, k = 0; y < band; y++, at += stride) {
            for (int c = 0; c < channels; c++, k++) {
                out[at + c] = (byte) values[k];
            }
        }
    }

    @Override
    public void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
        plain.resampleColumns(src, width, channels, table, out);
    }

    @Override
    public void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
        plain.resampleNearest(src, srcWidth, channels, rows, cols, out);
    }

    /**
     * One thread's column arrays and sums, grown when an image is wider or its band longer; grown to the larger
     * of the old and new sizes while that stays within {@link #MOST_COLUMN_VALUES}, else to the new size alone
     * (a narrow image's long band and a wide image's short one would otherwise combine into a wide, long one).
     */
    private static final class Scratch {
        int[][] columns = new int[0][0];
        int[] sums = new int[0];

        Scratch sized(int width, int length) {
            if (columns.length < width || sums.length < length) {
                int w = Math.max(width, columns.length);
                int n = Math.max(length, sums.length);
                if ((long) w * n > MOST_COLUMN_VALUES) {
                    w = width;
                    n = length;
                }
                columns = new int[w][n];
                sums = new int[n];
            }
            return this;
        }
    }
}
