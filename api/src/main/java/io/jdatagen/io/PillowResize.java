package io.jdatagen.io;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.ResampleTable;

/**
 * Pillow's {@code Image.resize(size, filter, box)} on 8-bit images, with Pillow's arithmetic so
 * that results match it byte for byte: separable convolution (horizontal pass first, over only
 * the rows the vertical pass needs), kernels widened by the scale when shrinking (antialiasing),
 * coefficients normalised and rounded to 22-bit fixed point, rounding and clamping after each
 * pass; RGBA is resized with premultiplied alpha. {@link ResizeFilter#NEAREST} follows Pillow's
 * affine nearest mapping. The convolution passes and the nearest pick run on the selected backend's
 * {@link io.jdatagen.spi.ResampleKernel} (vectorised by {@code simd}), the same bytes on every backend.
 */
public final class PillowResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    /** Per thread: the horizontal pass's output, reused by the next resize on the thread. */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    /** Per thread: the coefficient tables of the last few axes resized (a folder's images share a few sizes). */
    private static final ThreadLocal<RecentTables> TABLES = ThreadLocal.withInitial(RecentTables::new);

    private PillowResize() {
    }

    private static byte[] scratch(int length) {
        byte[] buffer = SCRATCH.get();
        if (buffer == null || buffer.length < length) {
            buffer = new byte[length];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /**
     * {@return {@code image} resized to {@code height × width} from the whole source}
     */
    public static ByteImage resize(ByteImage image, int height, int width, ResizeFilter filter) {
        return resize(image, height, width, filter, 0, 0, image.width(), image.height());
    }

    /**
     * {@return {@code image} resized to {@code height × width} from the whole source, the convolution
     * passes or the nearest pick on {@code kernels} (the same bytes on every backend)}
     *
     * @param kernels the backend that runs the passes
     */
    public static ByteImage resize(ByteImage image, int height, int width, ResizeFilter filter, Backend kernels) {
        return resize(image, height, width, filter, 0, 0, image.width(), image.height(), kernels);
    }

    /**
     * {@return {@code image} resized to {@code height × width} from the source box {@code [x0, x1) × [y0,
     * y1)} (Pillow's {@code box})}
     *
     * @param x0 the left edge of the source box
     * @param y0 the top edge of the source box
     * @param x1 the right edge of the source box (exclusive)
     * @param y1 the bottom edge of the source box (exclusive)
     * @throws IllegalArgumentException for an empty target or a box outside the image
     */
    public static ByteImage resize(ByteImage image, int height, int width, ResizeFilter filter, double x0,
            double y0, double x1, double y1) {
        return resize(image, height, width, filter, x0, y0, x1, y1, Backends.current());
    }

    private static ByteImage resize(ByteImage image, int height, int width, ResizeFilter filter, double x0,
            double y0, double x1, double y1, Backend kernels) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size must be at least 1x1; got " + height + "x" + width);
        }
        if (x0 < 0 || y0 < 0 || x1 > image.width() || y1 > image.height() || x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("box [" + x0 + ", " + y0 + ", " + x1 + ", " + y1
                    + "] is not inside the " + image.width() + "x" + image.height() + " image");
        }
        if (filter == ResizeFilter.NEAREST) {
            return nearest(image, height, width, x0, y0, x1, y1, kernels);
        }
        boolean premultiply = image.channels() == 4 || image.channels() == 2;
        ByteImage source = premultiply ? Premultiplied.multiply(image) : image;
        ByteImage out = convolve(source, height, width, filter, x0, y0, x1, y1, kernels);
        return premultiply ? Premultiplied.divide(out) : out;
    }

    private static ByteImage nearest(ByteImage image, int height, int width, double x0, double y0, double x1,
            double y1, Backend kernels) {
        int[] cols = nearestTable(image.width(), width, x0, (x1 - x0) / width);
        int[] rows = nearestTable(image.height(), height, y0, (y1 - y0) / height);
        byte[] out = new byte[height * width * image.channels()];
        kernels.resampling().resampleNearest(image.data(), image.width(), image.channels(), rows, cols, out);
        return new ByteImage(out, height, width, image.channels());
    }

    /** Pillow's {@code ImagingScaleAffine}: source index of each output pixel centre, accumulated in double. */
    private static int[] nearestTable(int inSize, int outSize, double start, double step) {
        int[] table = new int[outSize];
        double pos = start + step * 0.5;
        for (int x = 0; x < outSize; x++) {
            int index = pos < 0 ? -1 : (int) pos;
            table[x] = Math.max(0, Math.min(inSize - 1, index));
            pos += step;
        }
        return table;
    }

    private static ByteImage convolve(ByteImage image, int height, int width, ResizeFilter filter, double x0,
            double y0, double x1, double y1, Backend kernels) {
        boolean horizontal = width != image.width() || x0 != 0 || x1 != width;
        boolean vertical = height != image.height() || y0 != 0 || y1 != height;
        RecentTables tables = TABLES.get();
        ResampleTable cols = tables.table(image.width(), x0, x1, width, filter);
        ResampleTable rows = tables.table(image.height(), y0, y1, height, filter);
        int c = image.channels();
        ByteImage current = image;
        byte[] rowsPassed = null;
        int rowsWidth = image.width();
        if (horizontal) {
            int first = rows.first(0);
            int last = rows.first(height - 1) + rows.count(height - 1);
            if (!vertical) {
                first = 0;
                last = image.height();
            }
            int length = (last - first) * width * c;
            // The intermediate image only feeds the vertical pass: each thread reuses one buffer for it.
            byte[] out = vertical ? scratch(length) : new byte[length];
            kernels.resampling().resampleRows(image.data(), image.width(), c, first, last - first, cols, out);
            if (vertical) {
                rows = rows.shifted(first);
                rowsPassed = out;
                rowsWidth = width;
            } else {
                current = new ByteImage(out, last - first, width, c);
            }
        }
        if (vertical) {
            byte[] out = new byte[height * rowsWidth * c];
            kernels.resampling().resampleColumns(rowsPassed != null ? rowsPassed : image.data(), rowsWidth, c, rows, out);
            current = new ByteImage(out, height, rowsWidth, c);
        }
        return current == image ? new ByteImage(image.data().clone(), image.height(), image.width(),
                image.channels()) : current;
    }

    /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for one axis. */
    static ResampleTable coefficients(int inSize, double in0, double in1, int outSize, ResizeFilter filter) {
        double scale = (in1 - in0) / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support() * filterScale;
        int size = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outSize * 2];
        int[] weights = new int[outSize * size];
        double[] k = new double[size];
        for (int xx = 0; xx < outSize; xx++) {
            double center = in0 + (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double sum = 0;
            for (int x = 0; x < max; x++) {
                k[x] = filter.weight((x + min - center + 0.5) * ss);
                sum += k[x];
            }
            for (int x = 0; x < max; x++) {
                double w = sum != 0 ? k[x] / sum : k[x];
                weights[xx * size + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS)
                        : 0.5 + w * (1 << PRECISION_BITS));
            }
            bounds[2 * xx] = min;
            bounds[2 * xx + 1] = max;
        }
        return new ResampleTable(outSize, size, bounds, weights);
    }

    /** The tables of the last {@value #SIZE} distinct axes, the oldest replaced first. */
    private static final class RecentTables {
        private static final int SIZE = 4;
        private final Axis[] axes = new Axis[SIZE];
        private final ResampleTable[] tables = new ResampleTable[SIZE];
        private int next;

        ResampleTable table(int inSize, double in0, double in1, int outSize, ResizeFilter filter) {
            Axis axis = new Axis(inSize, in0, in1, outSize, filter);
            for (int i = 0; i < SIZE; i++) {
                if (axis.equals(axes[i])) {
                    return tables[i];
                }
            }
            ResampleTable table = coefficients(inSize, in0, in1, outSize, filter);
            axes[next] = axis;
            tables[next] = table;
            next = (next + 1) % SIZE;
            return table;
        }
    }

    /** What a coefficient table depends on. */
    private record Axis(int inSize, double in0, double in1, int outSize, ResizeFilter filter) {
    }
}
