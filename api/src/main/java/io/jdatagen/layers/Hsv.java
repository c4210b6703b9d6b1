package io.jdatagen.layers;

/**
 * TensorFlow's {@code rgb_to_hsv} and {@code hsv_to_rgb} kernels, which Keras 3's hue and saturation layers
 * call, on one pixel in float32 with TensorFlow's formulas: hue in [0, 1) from the largest channel
 * ({@code (g − b)/(6·range)}, {@code + 2/6}, {@code + 4/6}), saturation {@code range / max} (0 for black),
 * value the largest channel; and back through the piecewise-linear ramps
 * {@code clamp(|6h − 3| − 1)}, {@code clamp(2 − |6h − 2|)}, {@code clamp(2 − |6h − 4|)}, each channel
 * {@code (1 − s + s·ramp)·v}. Neither clamps its input, so values outside [0, 1] pass through as
 * TensorFlow lets them.
 */
final class Hsv {
    private static final float SIXTH = 1f / 6f;
    private static final float TWO_SIXTHS = 2f / 6f;
    private static final float FOUR_SIXTHS = 4f / 6f;

    private Hsv() {
    }

    /** Writes the hue, saturation and value of {@code (r, g, b)} into {@code hsv[0..2]}. */
    static void fromRgb(float r, float g, float b, float[] hsv) {
        float v = Math.max(Math.max(r, g), b);
        float range = v - Math.min(Math.min(r, g), b);
        float s = v > 0f ? range / v : 0f;
        float norm = (1f / range) * SIXTH;
        float h = r == v ? norm * (g - b) : g == v ? norm * (b - r) + TWO_SIXTHS : norm * (r - g) + FOUR_SIXTHS;
        h = range > 0f ? h : 0f;
        h = h < 0f ? h + 1f : h;
        hsv[0] = h;
        hsv[1] = s;
        hsv[2] = v;
    }

    /** Writes the red, green and blue of {@code (h, s, v)} into {@code rgb[0..2]}. */
    static void toRgb(float h, float s, float v, float[] rgb) {
        float dh = h * 6f;
        float dr = clamp(Math.abs(dh - 3f) - 1f);
        float dg = clamp(-Math.abs(dh - 2f) + 2f);
        float db = clamp(-Math.abs(dh - 4f) + 2f);
        float oneS = -s + 1f;
        rgb[0] = (oneS + s * dr) * v;
        rgb[1] = (oneS + s * dg) * v;
        rgb[2] = (oneS + s * db) * v;
    }

    private static float clamp(float x) {
        return Math.min(Math.max(x, 0f), 1f);
    }
}
