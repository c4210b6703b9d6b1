package io.jdatagen.spi;

/**
 * Kernel contract: the two passes of Pillow's separable 8-bit resampling ({@code Image.resize}
 * with a convolution filter), on interleaved 8-bit pixels and {@link ResampleTable}s, and its
 * nearest-neighbour resampling (a pick of source pixels). Results must equal Pillow's integer
 * arithmetic byte for byte, as {@link io.jdatagen.spi.reference.PillowResample} computes it in plain
 * Java; a backend that does not vectorise a case delegates it there (and says so in
 * {@link Backend#describe()}).
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
    void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
            byte[] out);

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
    void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out);

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
    void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out);
}
