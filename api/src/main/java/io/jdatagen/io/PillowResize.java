package io.jdatagen.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Pillow's {@code Image.resize(size, filter, box)} on 8-bit images, with Pillow's arithmetic so
 * that results match it byte for byte: separable convolution (horizontal pass first, over only
 * the rows the vertical pass needs), kernels widened by the scale when shrinking (antialiasing),
 * coefficients normalised and rounded to 22-bit fixed point, rounding and clamping after each
 * pass; RGBA is resized with premultiplied alpha. {@link ResizeFilter#NEAREST} follows Pillow's
 * affine nearest mapping.
 */
public final class PillowResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    /** Four bytes of a byte array as one little-endian int: an RGB pixel plus one byte. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private PillowResize() {
    }

    /**
     * {@return {@code image} resized to {@code height × width} from the whole source}
     *
     * @param image the image
     * @param height the height
     * @param width the width
     * @param filter the filter
     */
    public static ByteImage resize(ByteImage image, int height, int width, ResizeFilter filter) {
        return resize(image, height, width, filter, 0, 0, image.width(), image.height());
    }

    /**
     * {@return {@code image} resized to {@code height × width} from the source box {@code [x0, x1) × [y0,
     * y1)} (Pillow's {@code box})}
     *
     * @param image the image
     * @param height the height
     * @param width the width
     * @param filter the filter
     * @param x0 the left edge of the source box
     * @param y0 the top edge of the source box
     * @param x1 the right edge of the source box (exclusive)
     * @param y1 the bottom edge of the source box (exclusive)
     * @throws IllegalArgumentException for an empty target or a box outside the image
     */
    public static ByteImage resize(ByteImage image, int height, int width, ResizeFilter filter, double x0,
            double y0, double x1, double y1) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size must be at least 1x1; got " + height + "x" + width);
        }
        if (x0 < 0 || y0 < 0 || x1 > image.width() || y1 > image.height() || x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("box [" + x0 + ", " + y0 + ", " + x1 + ", " + y1
                    + "] is not inside the " + image.width() + "x" + image.height() + " image");
        }
        if (filter == ResizeFilter.NEAREST) {
            return nearest(image, height, width, x0, y0, x1, y1);
        }
        boolean premultiply = image.channels() == 4 || image.channels() == 2;
        ByteImage source = premultiply ? Premultiplied.multiply(image) : image;
        ByteImage out = convolve(source, height, width, filter, x0, y0, x1, y1);
        return premultiply ? Premultiplied.divide(out) : out;
    }

    private static ByteImage nearest(ByteImage image, int height, int width, double x0, double y0, double x1,
            double y1) {
        int[] cols = nearestTable(image.width(), width, x0, (x1 - x0) / width);
        int[] rows = nearestTable(image.height(), height, y0, (y1 - y0) / height);
        int c = image.channels();
        byte[] in = image.data();
        byte[] out = new byte[height * width * c];
        for (int x = 0; x < width; x++) {
            cols[x] *= c;
        }
        for (int r = 0; r < height; r++) {
            int srcRow = rows[r] * image.width() * c;
            int o = r * width * c;
            if (c == 3) {
                copyRgbRow(in, srcRow, cols, out, o, width);
            } else {
                for (int x = 0; x < width; x++) {
                    int s = srcRow + cols[x];
                    for (int ch = 0; ch < c; ch++) {
                        out[o++] = in[s + ch];
                    }
                }
            }
        }
        return new ByteImage(out, height, width, c);
    }

    /**
     * One RGB row of the nearest resize: each pixel moves as a 4-byte int whose fourth byte the
     * next pixel overwrites; the row's last pixel (whose fourth byte belongs to the next row or
     * lies past the arrays) moves byte by byte.
     */
    private static void copyRgbRow(byte[] in, int srcRow, int[] cols, byte[] out, int o, int width) {
        int x = 0;
        for (; x < width - 1; x++, o += 3) {
            int s = srcRow + cols[x];
            if (s + 4 > in.length) {
                break;
            }
            INT.set(out, o, (int) INT.get(in, s));
        }
        for (; x < width; x++, o += 3) {
            int s = srcRow + cols[x];
            out[o] = in[s];
            out[o + 1] = in[s + 1];
            out[o + 2] = in[s + 2];
        }
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
            double y0, double x1, double y1) {
        boolean horizontal = width != image.width() || x0 != 0 || x1 != width;
        boolean vertical = height != image.height() || y0 != 0 || y1 != height;
        Coefficients cols = Coefficients.of(image.width(), x0, x1, width, filter);
        Coefficients rows = Coefficients.of(image.height(), y0, y1, height, filter);
        ByteImage current = image;
        if (horizontal) {
            int first = rows.bounds[0];
            int last = rows.bounds[2 * (height - 1)] + rows.bounds[2 * (height - 1) + 1];
            if (!vertical) {
                first = 0;
                last = image.height();
            }
            current = horizontalPass(image, cols, width, first, last);
            if (vertical) {
                rows.shift(first);
            }
        }
        if (vertical) {
            current = verticalPass(current, rows, height);
        }
        return current == image ? new ByteImage(image.data().clone(), image.height(), image.width(),
                image.channels()) : current;
    }

    private static ByteImage horizontalPass(ByteImage in, Coefficients k, int width, int firstRow, int lastRow) {
        int c = in.channels();
        if (c == 3) {
            return horizontalPass3(in, k, width, firstRow, lastRow);
        }
        int inWidth = in.width();
        byte[] src = in.data();
        int rows = lastRow - firstRow;
        byte[] out = new byte[rows * width * c];
        int[] acc = new int[c];
        for (int y = 0; y < rows; y++) {
            int rowBase = (y + firstRow) * inWidth * c;
            for (int x = 0; x < width; x++) {
                int min = k.bounds[2 * x];
                int n = k.bounds[2 * x + 1];
                int kBase = x * k.size;
                java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
                for (int t = 0; t < n; t++) {
                    int weight = k.weights[kBase + t];
                    int s = rowBase + (min + t) * c;
                    for (int ch = 0; ch < c; ch++) {
                        acc[ch] += (src[s + ch] & 0xFF) * weight;
                    }
                }
                int o = (y * width + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    out[o + ch] = clip8(acc[ch]);
                }
            }
        }
        return new ByteImage(out, rows, width, c);
    }

    /** {@link #horizontalPass} for RGB, with the three sums in locals (the common case, 3x faster). */
    private static ByteImage horizontalPass3(ByteImage in, Coefficients k, int width, int firstRow, int lastRow) {
        int rowLength = in.width() * 3;
        byte[] src = in.data();
        int rows = lastRow - firstRow;
        byte[] out = new byte[rows * width * 3];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < rows; y++) {
            int rowBase = (y + firstRow) * rowLength;
            int o = y * width * 3;
            for (int x = 0; x < width; x++) {
                int s = rowBase + k.bounds[2 * x] * 3;
                int n = k.bounds[2 * x + 1];
                int kBase = x * k.size;
                int r = half;
                int g = half;
                int b = half;
                for (int t = 0; t < n; t++, s += 3) {
                    int weight = k.weights[kBase + t];
                    r += (src[s] & 0xFF) * weight;
                    g += (src[s + 1] & 0xFF) * weight;
                    b += (src[s + 2] & 0xFF) * weight;
                }
                out[o++] = clip8(r);
                out[o++] = clip8(g);
                out[o++] = clip8(b);
            }
        }
        return new ByteImage(out, rows, width, 3);
    }

    private static ByteImage verticalPass(ByteImage in, Coefficients k, int height) {
        int c = in.channels();
        int rowLength = in.width() * c;
        byte[] src = in.data();
        byte[] out = new byte[height * rowLength];
        int[] acc = new int[rowLength];
        for (int y = 0; y < height; y++) {
            int min = k.bounds[2 * y];
            int n = k.bounds[2 * y + 1];
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            for (int t = 0; t < n; t++) {
                int weight = k.weights[y * k.size + t];
                int s = (min + t) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    acc[i] += (src[s + i] & 0xFF) * weight;
                }
            }
            int o = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                out[o + i] = clip8(acc[i]);
            }
        }
        return new ByteImage(out, height, in.width(), c);
    }

    private static byte clip8(int v) {
        if (v >= 1 << PRECISION_BITS << 8) {
            return (byte) 255;
        }
        return v <= 0 ? 0 : (byte) (v >> PRECISION_BITS);
    }

    /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for one axis. */
    private static final class Coefficients {
        final int size;
        final int[] bounds;
        final int[] weights;

        private Coefficients(int size, int[] bounds, int[] weights) {
            this.size = size;
            this.bounds = bounds;
            this.weights = weights;
        }

        static Coefficients of(int inSize, double in0, double in1, int outSize, ResizeFilter filter) {
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
            return new Coefficients(size, bounds, weights);
        }

        void shift(int first) {
            for (int i = 0; i < bounds.length; i += 2) {
                bounds[i] -= first;
            }
        }
    }
}
