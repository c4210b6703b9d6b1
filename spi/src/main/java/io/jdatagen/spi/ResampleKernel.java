package io.jdatagen.spi;

/**
 * Kernel contract: the two passes of Pillow's separable 8-bit resampling ({@code Image.resize}
 * with a convolution filter), on interleaved 8-bit pixels and {@link ResampleTable}s, and its
 * nearest-neighbour resampling (a pick of source pixels). Results must equal the default methods
 * (Pillow's integer arithmetic) byte for byte.
 */
public interface ResampleKernel {
    /**
     * Resamples rows {@code [firstRow, firstRow + rows)} of {@code src} ({@code srcWidth} pixels of
     * {@code channels} bytes each) along x into {@code out} ({@code rows × table.outSize()} pixels).
     *
     * @param src the source pixels
     * @param srcWidth pixels per source row
     * @param channels bytes per pixel
     * @param firstRow the first source row resampled
     * @param rows how many rows
     * @param table the x coefficients
     * @param out the output, at least {@code rows * table.outSize() * channels} bytes
     */
    default void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
            byte[] out) {
        int width = table.outSize();
        int half = 1 << (ResampleTable.PRECISION_BITS - 1);
        if (channels == 3) {
            for (int y = 0; y < rows; y++) {
                int rowBase = (y + firstRow) * srcWidth * 3;
                int o = y * width * 3;
                for (int x = 0; x < width; x++) {
                    int r = half;
                    int g = half;
                    int b = half;
                    int s = rowBase + table.first(x) * 3;
                    for (int t = 0; t < table.count(x); t++, s += 3) {
                        int weight = table.weight(x, t);
                        r += (src[s] & 0xFF) * weight;
                        g += (src[s + 1] & 0xFF) * weight;
                        b += (src[s + 2] & 0xFF) * weight;
                    }
                    out[o++] = ResampleTable.clip8(r);
                    out[o++] = ResampleTable.clip8(g);
                    out[o++] = ResampleTable.clip8(b);
                }
            }
            return;
        }
        int[] acc = new int[channels];
        for (int y = 0; y < rows; y++) {
            int rowBase = (y + firstRow) * srcWidth * channels;
            for (int x = 0; x < width; x++) {
                java.util.Arrays.fill(acc, half);
                int s = rowBase + table.first(x) * channels;
                for (int t = 0; t < table.count(x); t++, s += channels) {
                    int weight = table.weight(x, t);
                    for (int c = 0; c < channels; c++) {
                        acc[c] += (src[s + c] & 0xFF) * weight;
                    }
                }
                int o = (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    out[o + c] = ResampleTable.clip8(acc[c]);
                }
            }
        }
    }

    /**
     * Resamples {@code src} ({@code width} pixels of {@code channels} bytes per row) along y into
     * {@code out} ({@code table.outSize()} rows of the same length).
     *
     * @param src the source pixels
     * @param width pixels per row
     * @param channels bytes per pixel
     * @param table the y coefficients
     * @param out the output, at least {@code table.outSize() * width * channels} bytes
     */
    default void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
        int rowLength = width * channels;
        int[] acc = new int[rowLength];
        for (int y = 0; y < table.outSize(); y++) {
            java.util.Arrays.fill(acc, 1 << (ResampleTable.PRECISION_BITS - 1));
            for (int t = 0; t < table.count(y); t++) {
                int weight = table.weight(y, t);
                int s = (table.first(y) + t) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    acc[i] += (src[s + i] & 0xFF) * weight;
                }
            }
            int o = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                out[o + i] = ResampleTable.clip8(acc[i]);
            }
        }
    }

    /**
     * Nearest-neighbour resampling (Pillow's {@code NEAREST}): output pixel {@code (y, x)} is source
     * pixel {@code (rows[y], cols[x])}, every byte of it.
     *
     * @param src the source pixels
     * @param srcWidth pixels per source row
     * @param channels bytes per pixel
     * @param rows the source row of each output row
     * @param cols the source column of each output column
     * @param out the output, at least {@code rows.length * cols.length * channels} bytes; bytes past
     *     those are left as they are
     */
    default void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
        NearestPick.run(src, srcWidth, channels, rows, cols, out);
    }
}
