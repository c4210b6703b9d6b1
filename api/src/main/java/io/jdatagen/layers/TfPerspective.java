package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;

/**
 * TensorFlow's perspective warp as Keras 3's {@code keras.ops.image.perspective_transform} runs it: the
 * homography that sends the four end points to the four start points (an 8 x 8 linear system solved by LU
 * with partial pivoting, in float32), then {@code ImageProjectiveTransformV3} with fill mode constant: output
 * pixel {@code (x, y)} reads the input at {@code ((a0 x + a1 y + a2) / p, (b0 x + b1 y + b2) / p)} with
 * {@code p = c0 x + c1 y + 1}, in float32; nearest rounds half away from zero, bilinear weighs the four taps as
 * TensorFlow does, and every tap outside the image reads the fill value on its own.
 */
final class TfPerspective {
    private TfPerspective() {
    }

    /**
     * {@return the 8 transform coefficients {@code a0 a1 a2 b0 b1 b2 c0 c1} mapping output (end) coordinates to
     * input (start) coordinates, as Keras's {@code compute_homography_matrix} builds and solves them}
     *
     * @param start the four start points {@code (x, y)}: top-left, top-right, bottom-left, bottom-right
     * @param end the four points they move to
     */
    static float[] homography(float[][] start, float[][] end) {
        float[][] a = new float[8][];
        float[] b = new float[8];
        for (int i = 0; i < 4; i++) {
            float ex = end[i][0];
            float ey = end[i][1];
            float sx = start[i][0];
            float sy = start[i][1];
            a[2 * i] = new float[] {ex, ey, 1, 0, 0, 0, -sx * ex, -sx * ey};
            a[2 * i + 1] = new float[] {0, 0, 0, ex, ey, 1, -sy * ex, -sy * ey};
            b[2 * i] = sx;
            b[2 * i + 1] = sy;
        }
        return solve(a, b);
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting, in float32 ({@code a} is overwritten). */
    private static float[] solve(float[][] a, float[] b) {
        int n = b.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
                    pivot = i;
                }
            }
            if (a[pivot][k] == 0) {
                throw new IllegalArgumentException("the perspective's end points are degenerate (three on a line)");
            }
            float[] row = a[k];
            a[k] = a[pivot];
            a[pivot] = row;
            int p = perm[k];
            perm[k] = perm[pivot];
            perm[pivot] = p;
            for (int i = k + 1; i < n; i++) {
                a[i][k] /= a[k][k];
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    a[i][j] -= a[i][k] * a[k][j];
                }
            }
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            float s = b[perm[i]];
            for (int j = 0; j < i; j++) {
                s -= a[i][j] * y[j];
            }
            y[i] = s;
        }
        float[] x = new float[n];
        for (int i = n - 1; i >= 0; i--) {
            float s = y[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }

    /**
     * {@return {@code in} warped by {@code t} into a new array of its shape, every output pixel read as
     * TensorFlow's {@code ImageProjectiveTransformV3} reads it with fill mode constant}
     *
     * @param t the 8 coefficients {@link #homography} returns
     * @param bilinear bilinear interpolation, else nearest
     * @param fill the value of a tap outside the image
     */
    static float[] warp(float[] in, ImageShape shape, float[] t, boolean bilinear, float fill) {
        int h = shape.height();
        int w = shape.width();
        int channels = shape.channels();
        boolean last = shape.format() == DataFormat.CHANNELS_LAST;
        float[] out = new float[in.length];
        for (int oy = 0; oy < h; oy++) {
            for (int ox = 0; ox < w; ox++) {
                float projection = t[6] * ox + t[7] * oy + 1f;
                float x = (t[0] * ox + t[1] * oy + t[2]) / projection;
                float y = (t[3] * ox + t[4] * oy + t[5]) / projection;
                for (int ch = 0; ch < channels; ch++) {
                    float v;
                    if (projection == 0) {
                        v = fill;
                    } else if (bilinear) {
                        float yFloor = (float) Math.floor(y);
                        float xFloor = (float) Math.floor(x);
                        float yCeil = yFloor + 1;
                        float xCeil = xFloor + 1;
                        float top = (xCeil - x) * read(in, shape, last, yFloor, xFloor, ch, fill)
                                + (x - xFloor) * read(in, shape, last, yFloor, xCeil, ch, fill);
                        float bottom = (xCeil - x) * read(in, shape, last, yCeil, xFloor, ch, fill)
                                + (x - xFloor) * read(in, shape, last, yCeil, xCeil, ch, fill);
                        v = (yCeil - y) * top + (y - yFloor) * bottom;
                    } else {
                        v = read(in, shape, last, roundHalfAway(y), roundHalfAway(x), ch, fill);
                    }
                    out[last ? (oy * w + ox) * channels + ch : (ch * h + oy) * w + ox] = v;
                }
            }
        }
        return out;
    }

    /** {@return C's {@code round}: the nearest integer, halves away from zero} */
    private static float roundHalfAway(float v) {
        return (float) Math.copySign(Math.floor(Math.abs((double) v) + 0.5), v);
    }

    /** {@return the pixel at integral coordinates {@code (y, x)}, or {@code fill} outside the image} */
    private static float read(float[] in, ImageShape shape, boolean last, float y, float x, int ch, float fill) {
        if (!(y >= 0 && y < shape.height() && x >= 0 && x < shape.width())) {
            return fill;
        }
        int r = (int) y;
        int c = (int) x;
        return in[last ? (r * shape.width() + c) * shape.channels() + ch : (ch * shape.height() + r) * shape.width() + c];
    }
}
