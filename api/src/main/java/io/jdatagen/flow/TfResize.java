package io.jdatagen.flow;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * TensorFlow's {@code tf.image.resize} with {@code antialias=False}, as Keras 3's
 * {@code image_dataset_from_directory} calls it, on one {@code H,W,C} image of float samples, in float32
 * arithmetic where TensorFlow's CPU kernels use float32:
 * <ul>
 *   <li>{@code bilinear}: {@code ResizeBilinear(half_pixel_centers=True)}: source
 *       {@code (x + 0.5) * in/out - 0.5}, the two neighbours clamped to the image, lerped along x, then y;</li>
 *   <li>{@code nearest}: {@code ResizeNearestNeighbor(half_pixel_centers=True)}: source
 *       {@code floor((x + 0.5) * in/out)}, clamped;</li>
 *   <li>{@code bicubic}: {@code ResizeBicubic(half_pixel_centers=True)}: Keys' cubic ({@code a = -0.5}) read
 *       from a 1025-entry table at {@code round(fraction * 1024)}, taps outside the image given weight 0 and
 *       the rest renormalised; y first, then x;</li>
 *   <li>{@code area}: {@code ResizeArea}: each output pixel the coverage-weighted mean of the source pixels
 *       under it;</li>
 *   <li>{@code lanczos3}, {@code lanczos5}, {@code gaussian} (radius 1.5, sigma 0.5), {@code mitchellcubic}:
 *       {@code ScaleAndTranslate} with scale {@code out/in} and no translation: per output pixel a span of
 *       source pixels within the kernel's radius of {@code (x + 0.5) * in/out}, weights normalised to sum 1;
 *       rows first, then columns.</li>
 * </ul>
 * The results can differ from TensorFlow's in the last bits where its compiler contracts a multiply and an
 * add into one fused operation, or its {@code sinf}/{@code expf} round differently from {@link Math}'s.
 */
final class TfResize {
    private static final int TABLE_SIZE = 1024;
    private static final float[] KEYS_TABLE = keysTable(-0.5);

    private TfResize() {
    }

    /**
     * {@return {@code image} ({@code height x width x channels}, row-major) resized to
     * {@code outHeight x outWidth} by {@code method}, a new array}
     */
    static float[] resize(float[] image, int height, int width, int channels, int outHeight, int outWidth,
            TfInterpolation method) {
        return switch (method) {
            case BILINEAR -> bilinear(image, height, width, channels, outHeight, outWidth);
            case NEAREST -> nearest(image, height, width, channels, outHeight, outWidth);
            case BICUBIC -> bicubic(image, height, width, channels, outHeight, outWidth);
            case AREA -> area(image, height, width, channels, outHeight, outWidth);
            case LANCZOS3 -> scaleAndTranslate(image, height, width, channels, outHeight, outWidth, 3f,
                    x -> lanczos(x, 3f));
            case LANCZOS5 -> scaleAndTranslate(image, height, width, channels, outHeight, outWidth, 5f,
                    x -> lanczos(x, 5f));
            case GAUSSIAN -> scaleAndTranslate(image, height, width, channels, outHeight, outWidth, 1.5f,
                    TfResize::gaussian);
            case MITCHELLCUBIC -> scaleAndTranslate(image, height, width, channels, outHeight, outWidth, 2f,
                    TfResize::mitchell);
        };
    }

    /** TensorFlow's {@code in / out} scale without aligned corners, in float32. */
    private static float scale(int in, int out) {
        return in / (float) out;
    }

    // ---------------------------------------------------------------- bilinear and nearest

    private static float[] bilinear(float[] in, int h, int w, int c, int oh, int ow) {
        float hs = scale(h, oh);
        float ws = scale(w, ow);
        int[] xLow = new int[ow];
        int[] xHigh = new int[ow];
        float[] xLerp = new float[ow];
        for (int x = 0; x < ow; x++) {
            float src = (x + 0.5f) * ws - 0.5f;
            float floor = (float) Math.floor(src);
            xLow[x] = Math.max((int) floor, 0);
            xHigh[x] = Math.min((int) Math.ceil(src), w - 1);
            xLerp[x] = src - floor;
        }
        float[] out = new float[oh * ow * c];
        for (int y = 0; y < oh; y++) {
            float src = (y + 0.5f) * hs - 0.5f;
            float floor = (float) Math.floor(src);
            int top = Math.max((int) floor, 0);
            int bottom = Math.min((int) Math.ceil(src), h - 1);
            float yLerp = src - floor;
            for (int x = 0; x < ow; x++) {
                for (int k = 0; k < c; k++) {
                    float tl = in[(top * w + xLow[x]) * c + k];
                    float tr = in[(top * w + xHigh[x]) * c + k];
                    float bl = in[(bottom * w + xLow[x]) * c + k];
                    float br = in[(bottom * w + xHigh[x]) * c + k];
                    float t = tl + (tr - tl) * xLerp[x];
                    float b = bl + (br - bl) * xLerp[x];
                    out[(y * ow + x) * c + k] = t + (b - t) * yLerp;
                }
            }
        }
        return out;
    }

    private static float[] nearest(float[] in, int h, int w, int c, int oh, int ow) {
        float hs = scale(h, oh);
        float ws = scale(w, ow);
        float[] out = new float[oh * ow * c];
        for (int y = 0; y < oh; y++) {
            int sy = Math.max(0, Math.min((int) Math.floor((y + 0.5f) * hs), h - 1));
            for (int x = 0; x < ow; x++) {
                int sx = Math.max(0, Math.min((int) Math.floor((x + 0.5f) * ws), w - 1));
                System.arraycopy(in, (sy * w + sx) * c, out, (y * ow + x) * c, c);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- bicubic

    /** Keys' cubic coefficients at {@code i / 1024}: entry {@code 2i} for the near tap, {@code 2i + 1} for the far one. */
    private static float[] keysTable(double a) {
        float[] table = new float[(TABLE_SIZE + 1) * 2];
        for (int i = 0; i <= TABLE_SIZE; i++) {
            float x = (float) (i * 1.0 / TABLE_SIZE);
            table[i * 2] = (float) (((a + 2) * x - (a + 3)) * x * x + 1);
            x += 1.0f;
            table[i * 2 + 1] = (float) (((a * x - 5 * a) * x + 8 * a) * x - 4 * a);
        }
        return table;
    }

    /** The four taps of output position {@code out}: indices then weights. */
    private record Taps(int[] index, float[] weight) {
    }

    private static Taps taps(float scale, int out, int limit) {
        float src = (out + 0.5f) * scale - 0.5f;
        int base = (int) Math.floor(src);
        float delta = src - base;
        int offset = (int) Math.rint(delta * TABLE_SIZE);
        float[] table = {KEYS_TABLE[offset * 2 + 1], KEYS_TABLE[offset * 2], KEYS_TABLE[(TABLE_SIZE - offset) * 2],
            KEYS_TABLE[(TABLE_SIZE - offset) * 2 + 1]};
        int[] index = new int[4];
        float[] weight = new float[4];
        for (int t = 0; t < 4; t++) {
            int want = base - 1 + t;
            index[t] = Math.min(limit - 1, Math.max(0, want));
            weight[t] = index[t] == want ? table[t] : 0f;
        }
        float sum = weight[0] + weight[1] + weight[2] + weight[3];
        if (Math.abs(sum) >= 1000f * Float.MIN_NORMAL) {
            float inverse = 1f / sum;
            for (int t = 0; t < 4; t++) {
                weight[t] *= inverse;
            }
        }
        return new Taps(index, weight);
    }

    private static float[] bicubic(float[] in, int h, int w, int c, int oh, int ow) {
        float hs = scale(h, oh);
        float ws = scale(w, ow);
        Taps[] xs = new Taps[ow];
        for (int x = 0; x < ow; x++) {
            xs[x] = taps(ws, x, w);
        }
        float[] out = new float[oh * ow * c];
        float[] column = new float[4];
        for (int y = 0; y < oh; y++) {
            Taps ty = taps(hs, y, h);
            for (int x = 0; x < ow; x++) {
                Taps tx = xs[x];
                for (int k = 0; k < c; k++) {
                    for (int t = 0; t < 4; t++) {
                        int col = tx.index()[t];
                        column[t] = in[(ty.index()[0] * w + col) * c + k] * ty.weight()[0]
                                + in[(ty.index()[1] * w + col) * c + k] * ty.weight()[1]
                                + in[(ty.index()[2] * w + col) * c + k] * ty.weight()[2]
                                + in[(ty.index()[3] * w + col) * c + k] * ty.weight()[3];
                    }
                    out[(y * ow + x) * c + k] = column[0] * tx.weight()[0] + column[1] * tx.weight()[1]
                            + column[2] * tx.weight()[2] + column[3] * tx.weight()[3];
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- area

    /** The share of source cell {@code i} inside the output cell {@code [from, to)}. */
    private static float coverage(long i, float from, float to, float scale) {
        if (i < from) {
            return i + 1 > to ? scale : i + 1 - from;
        }
        return i + 1 > to ? to - i : 1.0f;
    }

    private static float[] area(float[] in, int h, int w, int c, int oh, int ow) {
        float hs = scale(h, oh);
        float ws = scale(w, ow);
        long[] xStart = new long[ow];
        long[] xEnd = new long[ow];
        float[] xStartScale = new float[ow];
        float[] xEndScale = new float[ow];
        for (int x = 0; x < ow; x++) {
            float from = x * ws;
            float to = (x + 1) * ws;
            xStart[x] = (long) Math.floor(from);
            xEnd[x] = (long) Math.ceil(to);
            xStartScale[x] = coverage(xStart[x], from, to, ws);
            xEndScale[x] = coverage(xEnd[x] - 1, from, to, ws);
        }
        float norm = (float) (1.0 / (hs * ws));
        float[] out = new float[oh * ow * c];
        for (int y = 0; y < oh; y++) {
            float from = y * hs;
            float to = (y + 1) * hs;
            long yStart = (long) Math.floor(from);
            long yEnd = (long) Math.ceil(to);
            for (int x = 0; x < ow; x++) {
                for (int k = 0; k < c; k++) {
                    float sum = 0f;
                    for (long i = yStart; i < yEnd; i++) {
                        int row = (int) Math.min(h - 1, Math.max(0, i));
                        float rowSum = pixel(in, row, xStart[x], w, c, k) * xStartScale[x];
                        if (xStart[x] + 1 != xEnd[x]) {
                            for (long j = xStart[x] + 1; j < xEnd[x] - 1; j++) {
                                rowSum += pixel(in, row, j, w, c, k);
                            }
                            rowSum += pixel(in, row, xEnd[x] - 1, w, c, k) * xEndScale[x];
                        }
                        sum += rowSum * coverage(i, from, to, hs);
                    }
                    out[(y * ow + x) * c + k] = sum * norm;
                }
            }
        }
        return out;
    }

    private static float pixel(float[] in, int row, long col, int w, int c, int k) {
        int x = (int) Math.min(w - 1, Math.max(0, col));
        return in[(row * w + x) * c + k];
    }

    // ---------------------------------------------------------------- scale and translate

    private static float lanczos(float x, float radius) {
        final float pi = 3.14159265359f;
        x = Math.abs(x);
        if (x > radius) {
            return 0f;
        }
        if (x <= 1e-3f) {
            return 1f;
        }
        return radius * (float) Math.sin(pi * x) * (float) Math.sin(pi * x / radius) / (pi * pi * x * x);
    }

    private static float gaussian(float x) {
        final float radius = 1.5f;
        final float sigma = radius / 3.0f;
        x = Math.abs(x);
        if (x >= radius) {
            return 0f;
        }
        return (float) Math.exp(-x * x / (2.0 * sigma * sigma));
    }

    private static float mitchell(float x) {
        x = Math.abs(x);
        if (x >= 2.0f) {
            return 0f;
        }
        if (x >= 1.0f) {
            return (((-7.0f / 18.0f) * x + 2.0f) * x - 10.0f / 3.0f) * x + 16.0f / 9.0f;
        }
        return (((7.0f / 6.0f) * x - 2.0f) * x) * x + 8.0f / 9.0f;
    }

    /** Each output position's first source index and normalised weights (empty outside the source). */
    private record Spans(int[] start, float[][] weights) {
    }

    private static Spans spans(int outSize, int inSize, float radius, DoubleUnaryOperator kernel) {
        float scale = (float) outSize / (float) inSize;
        float inverse = (float) (1.0 / scale);
        int[] start = new int[outSize];
        float[][] weights = new float[outSize][];
        for (int x = 0; x < outSize; x++) {
            float sample = (x + 0.5f) * inverse;
            if (sample < 0 || sample > inSize) {
                weights[x] = new float[0];
                continue;
            }
            long first = (long) Math.ceil(sample - radius - 0.5f);
            long last = (long) Math.floor(sample + radius - 0.5f);
            first = Math.min(inSize - 1, Math.max(0, first));
            last = Math.min(inSize - 1, Math.max(0, last)) + 1;
            float[] w = new float[(int) (last - first)];
            float total = 0f;
            for (int s = 0; s < w.length; s++) {
                float position = (first + s) + 0.5f - sample;
                w[s] = (float) kernel.applyAsDouble(Math.abs(position));
                total += w[s];
            }
            if (Math.abs(total) >= 1000f * Float.MIN_NORMAL) {
                float inverseTotal = 1f / total;
                for (int s = 0; s < w.length; s++) {
                    w[s] *= inverseTotal;
                }
            } else {
                Arrays.fill(w, 0f);
            }
            start[x] = (int) first;
            weights[x] = w;
        }
        return new Spans(start, weights);
    }

    private static float[] scaleAndTranslate(float[] in, int h, int w, int c, int oh, int ow, float radius,
            FloatKernel kernel) {
        DoubleUnaryOperator k = v -> kernel.at((float) v);
        Spans rows = spans(oh, h, radius, k);
        Spans cols = spans(ow, w, radius, k);
        float[] middle = new float[oh * w * c];
        int rowLength = w * c;
        for (int y = 0; y < oh; y++) {
            float[] ws = rows.weights()[y];
            for (int s = 0; s < ws.length; s++) {
                int from = (rows.start()[y] + s) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    middle[y * rowLength + i] += ws[s] * in[from + i];
                }
            }
        }
        float[] out = new float[oh * ow * c];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                float[] ws = cols.weights()[x];
                for (int s = 0; s < ws.length; s++) {
                    int from = (y * w + cols.start()[x] + s) * c;
                    for (int k2 = 0; k2 < c; k2++) {
                        out[(y * ow + x) * c + k2] += ws[s] * middle[from + k2];
                    }
                }
            }
        }
        return out;
    }

    /** A sampling kernel in float32. */
    @FunctionalInterface
    private interface FloatKernel {
        float at(float x);
    }
}
