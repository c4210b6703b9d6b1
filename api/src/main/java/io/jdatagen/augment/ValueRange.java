package io.jdatagen.augment;

/** The minimum and maximum of an image's values (all channels), as Keras's pixel functions take them. */
record ValueRange(float min, float max) {
    static ValueRange of(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new ValueRange(lo, hi);
    }
}
