package io.jdatagen.layers;

import java.util.List;

/**
 * Keras 3's {@code _transform_value_range} for one layer's {@code value_range}: the float32 map of values
 * from the range to 0..255 (where Keras's color layers compute) and back,
 * {@code (x − min) / (max − min) · (targetMax − targetMin) + targetMin}. As in Keras, a range equal to
 * 0..255 maps nothing, so values are not rounded through the division.
 */
final class KerasValueRange {
    private final float min;
    private final float max;
    private final boolean identity;

    /** @param range the layer's {@code value_range}, two numbers */
    KerasValueRange(List<Number> range) {
        this.min = range.get(0).floatValue();
        this.max = range.get(1).floatValue();
        this.identity = range.get(0).doubleValue() == 0 && range.get(1).doubleValue() == 255;
    }

    /** {@return whether the range is 0..255, which maps nothing} */
    boolean identity() {
        return identity;
    }

    /** {@return {@code x} moved from the layer's range to 0..255} */
    float to255(float x) {
        return identity ? x : (x - min) / (max - min) * 255f;
    }

    /** {@return {@code x} moved from 0..255 to the layer's range} */
    float from255(float x) {
        return identity ? x : (x - 0f) / 255f * (max - min) + min;
    }

    /**
     * Moves {@code x[from, to)} from the layer's range to 0..255 in place, as {@link #to255(float)} moves each
     * value. A loop that calls {@link #to255(float)} selects per value, which C2 does not vectorize; the range
     * that maps nothing leaves this loop out.
     */
    void to255(float[] x, int from, int to) {
        if (identity) {
            return;
        }
        float span = max - min;
        for (int k = from; k < to; k++) {
            x[k] = (x[k] - min) / span * 255f;
        }
    }

    /** Moves {@code x[from, to)} from 0..255 to the layer's range in place, as {@link #from255(float)} does. */
    void from255(float[] x, int from, int to) {
        if (identity) {
            return;
        }
        float span = max - min;
        for (int k = from; k < to; k++) {
            x[k] = (x[k] - 0f) / 255f * span + min;
        }
    }
}
