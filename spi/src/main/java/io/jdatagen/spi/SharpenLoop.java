package io.jdatagen.spi;

import java.util.Arrays;

/**
 * {@link PixelKernel#sharpen} as plain loops that C2 auto-vectorizes: one plane of rows sharpened in place,
 * three rows at a time, each held as three shifted copies (the left neighbours, the row, the right neighbours,
 * zeros beyond the plane), so that every term of the sum reads its own array at the value's own index. C2 does
 * not vectorize a loop that reads one array at several offsets while writing another (the two might be one
 * array).
 */
final class SharpenLoop {
    private final float[] x;
    private final int from;
    private final int height;
    private final int length;
    private final int pixel;
    private final float[] out;
    private float[][] up;
    private float[][] mid;
    private float[][] down;

    /**
     * @param from where the plane starts in {@code x}
     * @param length the values in one row
     * @param pixel the distance between a value and its left or right neighbour
     */
    SharpenLoop(float[] x, int from, int height, int length, int pixel) {
        this.x = x;
        this.from = from;
        this.height = height;
        this.length = length;
        this.pixel = pixel;
        this.out = new float[length];
    }

    void run(float edge, float centre, float keep, float lo, float hi) {
        up = new float[3][length];
        mid = shifted(0, new float[3][length]);
        down = shifted(1, new float[3][length]);
        for (int i = 0; i < height; i++) {
            row(edge, centre, keep, lo, hi);
            System.arraycopy(out, 0, x, from + i * length, length);
            float[][] free = up;
            up = mid;
            mid = down;
            down = shifted(i + 2, free);
        }
    }

    /**
     * {@return {@code into} holding row {@code r} shifted: the left neighbours, the row, the right neighbours,
     * zeros beyond the plane (a row outside the plane is all zeros)}
     */
    private float[][] shifted(int r, float[][] into) {
        if (r >= height) {
            for (float[] a : into) {
                Arrays.fill(a, 0f);
            }
            return into;
        }
        int at = from + r * length;
        System.arraycopy(x, at, into[0], pixel, length - pixel);
        Arrays.fill(into[0], 0, pixel, 0f);
        System.arraycopy(x, at, into[1], 0, length);
        System.arraycopy(x, at + pixel, into[2], 0, length - pixel);
        Arrays.fill(into[2], length - pixel, length, 0f);
        return into;
    }

    private void row(float edge, float centre, float keep, float lo, float hi) {
        float[] ul = up[0];
        float[] uc = up[1];
        float[] ur = up[2];
        float[] ml = mid[0];
        float[] mc = mid[1];
        float[] mr = mid[2];
        float[] dl = down[0];
        float[] dc = down[1];
        float[] dr = down[2];
        float[] y = out;
        // The sum in two loops, the second going on from the partial sums the first stored (the same float
        // additions in the same order): JDK 17's C2 does not vectorize one loop of all nine terms. RandomSharpness
        // on the scalar backend, a 224x224 RGB image: JDK 17 376 -> 117-121 us, JDK 25 the same (122-125).
        for (int k = 0; k < length; k++) {
            float s = edge * ul[k];
            s += edge * uc[k];
            s += edge * ur[k];
            s += edge * ml[k];
            s += centre * mc[k];
            y[k] = s;
        }
        for (int k = 0; k < length; k++) {
            float s = y[k];
            s += edge * mr[k];
            s += edge * dl[k];
            s += edge * dc[k];
            s += edge * dr[k];
            y[k] = mc[k] + keep * (s - mc[k]);
        }
        // clipped in a loop of its own: with the clip in the loop above, its body is too large for C2 to
        // vectorize
        for (int k = 0; k < length; k++) {
            y[k] = Math.min(Math.max(y[k], lo), hi);
        }
    }
}
