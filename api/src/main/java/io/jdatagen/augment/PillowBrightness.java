package io.jdatagen.augment;

import io.jdatagen.core.Tensor;
import java.util.Arrays;

/**
 * Keras's {@code apply_brightness_shift} with Pillow's exact arithmetic: the
 * image goes through 8-bit samples with truncation, {@code ImageEnhance.Brightness} blends with
 * black in C {@code float}, and alpha is kept.
 */
final class PillowBrightness {
    private PillowBrightness() {
    }

    /** Applies the brightness factor; always reads the image as channels last, like the reference. */
    static Tensor apply(Tensor x, double brightness, boolean scale) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("Expected image array to have rank 3 (single image). Got array"
                    + " with shape: " + Arrays.toString(x.shape()));
        }
        int channels = x.dim(2);
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("Unsupported channel number: " + channels);
        }
        float[] in = x.data();
        ValueRange range = ValueRange.of(in);
        float lo = range.min();
        float hi = range.max();
        boolean local = lo < 0 || hi > 255;
        int[] u8 = toUint8(in, local || scale, lo);
        float factor = (float) brightness;
        float[] out = new float[in.length];
        for (int k = 0; k < in.length; k++) {
            boolean alpha = channels == 4 && k % 4 == 3;
            int v = alpha ? u8[k] : blendWithBlack(u8[k], factor);
            out[k] = (!scale && local) ? (v / 255f) * (hi - lo) + lo : v;
        }
        return Tensor.of(out, x.shape());
    }

    /** {@code array_to_img}: optional min-max scaling to [0, 255] in float32, then truncation. */
    private static int[] toUint8(float[] in, boolean scale, float lo) {
        float max = Float.NEGATIVE_INFINITY;
        float[] work = in.clone();
        if (scale) {
            for (int k = 0; k < work.length; k++) {
                work[k] = work[k] - lo;
                max = Math.max(max, work[k]);
            }
            for (int k = 0; k < work.length; k++) {
                if (max != 0) {
                    work[k] = work[k] / max;
                }
                work[k] = work[k] * 255f;
            }
        }
        int[] u8 = new int[in.length];
        for (int k = 0; k < in.length; k++) {
            u8[k] = ((int) work[k]) & 0xFF;
        }
        return u8;
    }

    /** Pillow's {@code ImagingBlend} of black and {@code v} with factor {@code alpha} (C float). */
    private static int blendWithBlack(int v, float alpha) {
        if (alpha >= 0 && alpha <= 1) {
            return ((int) (alpha * v)) & 0xFF;
        }
        float temp = alpha * v;
        if (temp <= 0) {
            return 0;
        }
        if (temp >= 255) {
            return 255;
        }
        return (int) temp;
    }
}
