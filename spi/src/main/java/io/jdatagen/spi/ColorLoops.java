package io.jdatagen.spi;

import java.util.Arrays;

/**
 * The plain loops of {@link PixelKernel}'s color passes ({@link PixelKernel#contrast}, {@link PixelKernel#solarize},
 * {@link PixelKernel#extremes}, {@link PixelKernel#stretch}, {@link PixelKernel#towardsGrey},
 * {@link PixelKernel#histogram}, {@link PixelKernel#equalize}), written so that C2
 * auto-vectorizes what it can: the values go in runs of whole channel periods through a scratch run, which is
 * read and written at index 0 alongside the per-channel values repeated along it (C2 does not vectorize a loop
 * that reads one float array at an offset and another at index 0 while writing either: the two might be one
 * array), and a copy each way costs far less than the scalar loop.
 */
final class ColorLoops {
    /** Values per run, before rounding down to whole periods. */
    private static final int RUN = 2048;

    private ColorLoops() {
    }

    static void contrast(float[] data, int offset, int length, float[] centers, float factor, float lo, float hi) {
        int period = centers.length;
        int run = runOf(period);
        float[] c = along(centers, period, run);
        float[] values = new float[Math.min(run, length)];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            for (int k = 0; k < n; k++) {
                values[k] = Math.min(Math.max((values[k] - c[k]) * factor + c[k], lo), hi);
            }
            System.arraycopy(values, 0, data, offset + at, n);
        }
    }

    static void solarize(float[] data, int offset, int length, float addition, float threshold) {
        int end = offset + length;
        for (int k = offset; k < end; k++) {
            float v = Math.min(Math.max(data[k] + addition, 0f), 255f);
            // below: 1 where v < threshold, else 0 (NaN for a NaN): a positive difference of two floats is at
            // least 2^-149, so the two products take it to 1 or more. v and 255 − v are never −0, so the blend
            // below is exactly v < threshold ? v : 255 − v (a select C2 does not vectorize; this it does, on
            // JDK 17 too, where Math.signum made the loop 25 times slower)
            float below = Math.min(Math.max((threshold - v) * 0x1p127f * 0x1p22f, 0f), 1f);
            data[k] = v * below + (255f - v) * (1f - below);
        }
    }

    static void extremes(float[] data, int offset, int length, float[] low, float[] high) {
        int period = low.length;
        int run = runOf(period);
        float[] values = new float[Math.min(run, length)];
        float[] least = new float[run];
        float[] greatest = new float[run];
        Arrays.fill(least, Float.POSITIVE_INFINITY);
        Arrays.fill(greatest, Float.NEGATIVE_INFINITY);
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            for (int k = 0; k < n; k++) {
                least[k] = Math.min(least[k], values[k]);
                greatest[k] = Math.max(greatest[k], values[k]);
            }
        }
        Arrays.fill(low, 0, period, Float.POSITIVE_INFINITY);
        Arrays.fill(high, 0, period, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < run; k++) {
            low[k % period] = Math.min(low[k % period], least[k]);
            high[k % period] = Math.max(high[k % period], greatest[k]);
        }
    }

    static void stretch(float[] data, int offset, int length, float[] scales, float[] offsets, float lo, float hi) {
        int period = scales.length;
        int run = runOf(period);
        float[] s = along(scales, period, run);
        float[] o = along(offsets, period, run);
        float[] values = new float[Math.min(run, length)];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            for (int k = 0; k < n; k++) {
                values[k] = Math.min(Math.max(values[k] * s[k] + o[k], lo), hi);
            }
            System.arraycopy(values, 0, data, offset + at, n);
        }
    }

    static void towardsGrey(float[] data, int offset, int pixels, float[] weights, float factor, float lo, float hi) {
        float r = weights[0];
        float g = weights[1];
        float b = weights[2];
        int run = runOf(3);
        int length = 3 * pixels;
        float[] values = new float[Math.min(run, length)];
        float[] grey = new float[values.length];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            for (int k = 0; k < n; k += 3) {
                float y = values[k] * r + values[k + 1] * g + values[k + 2] * b;
                grey[k] = y;
                grey[k + 1] = y;
                grey[k + 2] = y;
            }
            for (int k = 0; k < n; k++) {
                float v = values[k] + factor * (grey[k] - values[k]);
                values[k] = Math.min(Math.max(v, lo), hi);
            }
            System.arraycopy(values, 0, data, offset + at, n);
        }
    }

    static void histogram(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            int[] hist, int first) {
        int run = runOf(channels);
        int[] firsts = firstBins(channels, bins, first, run);
        float[] values = new float[Math.min(run, length)];
        int[] bin = new int[values.length];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            bins(values, n, scale, shift, bins, firsts, bin, true);
            for (int k = 0; k < n; k++) {
                hist[bin[k]]++;
            }
        }
    }

    static void equalize(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            float[] table, int first) {
        int run = runOf(channels);
        int[] firsts = firstBins(channels, bins, first, run);
        float[] values = new float[Math.min(run, length)];
        int[] bin = new int[values.length];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            bins(values, n, scale, shift, bins, firsts, bin, false);
            for (int k = 0; k < n; k++) {
                data[offset + at + k] = table[bin[k]];
            }
        }
    }

    /**
     * Writes into {@code bin[0, n)} the bins of {@code values[0, n)}, each offset by its channel's first bin:
     * {@code (int) (y·(bins − 1) / 255)} when {@code counting} ({@link PixelKernel#histogram}'s order), else
     * {@code (int) (y / 255·(bins − 1))}, clipped to {@code [0, bins − 1]}, with {@code y = v·scale + shift}.
     * Two loops, each without a branch, that C2 vectorizes.
     */
    private static void bins(float[] values, int n, float scale, float shift, int bins, int[] firsts, int[] bin,
            boolean counting) {
        int top = bins - 1;
        float topF = top;
        if (counting) {
            for (int k = 0; k < n; k++) {
                float y = values[k] * scale + shift;
                bin[k] = firsts[k] + Math.min(Math.max((int) (y * topF / 255f), 0), top);
            }
        } else {
            for (int k = 0; k < n; k++) {
                float y = values[k] * scale + shift;
                bin[k] = firsts[k] + Math.min(Math.max((int) (y / 255f * topF), 0), top);
            }
        }
    }

    /** {@return each value's first bin along a run: {@code first + (k % channels)·bins}} */
    private static int[] firstBins(int channels, int bins, int first, int run) {
        int[] firsts = new int[run];
        for (int k = 0; k < run; k += channels) {
            for (int c = 0; c < channels; c++) {
                firsts[k + c] = first + c * bins;
            }
        }
        return firsts;
    }

    /** {@return the length of a run: whole periods, about {@link #RUN} values} */
    private static int runOf(int period) {
        return Math.max(period, RUN / period * period);
    }

    /** {@return {@code perChannel}'s first {@code period} values repeated along {@code run} values} */
    private static float[] along(float[] perChannel, int period, int run) {
        float[] out = new float[run];
        for (int k = 0; k < run; k++) {
            out[k] = perChannel[k % period];
        }
        return out;
    }
}
