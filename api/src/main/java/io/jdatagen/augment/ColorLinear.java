package io.jdatagen.augment;

import java.util.Arrays;

/**
 * A per-channel linear color map {@code y = scale[c]·x + offset[c]} in float32: what a warp plan's
 * color step applies to every sampled value (fill included).
 */
public final class ColorLinear {
    private final float[] scale;
    private final float[] offset;

    private ColorLinear(float[] scale, float[] offset) {
        this.scale = scale;
        this.offset = offset;
    }

    /**
     * {@return the map with one scale and one offset per channel (both copied)}
     *
     * @param scale per-channel factors
     * @param offset per-channel terms added after scaling, as many as {@code scale}
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static ColorLinear of(float[] scale, float[] offset) {
        if (scale.length == 0 || scale.length != offset.length) {
            throw new IllegalArgumentException("scale and offset need one value per channel, as many of each; got "
                    + scale.length + " scales and " + offset.length + " offsets");
        }
        return new ColorLinear(scale.clone(), offset.clone());
    }

    /** {@return the number of channels the map is defined for} */
    public int channels() {
        return scale.length;
    }

    /** {@return a copy of the per-channel factors} */
    public float[] scale() {
        return scale.clone();
    }

    /** {@return a copy of the per-channel terms} */
    public float[] offset() {
        return offset.clone();
    }

    /**
     * {@return this map followed by {@code next}: {@code next.scale·(scale·x + offset) + next.offset},
     * folded into one scale and offset in float32}
     *
     * @param next the map applied to this one's output, with as many channels
     * @throws IllegalArgumentException if the channel counts differ
     */
    public ColorLinear then(ColorLinear next) {
        if (next.channels() != channels()) {
            throw new IllegalArgumentException("cannot chain a color map of " + channels() + " channels with one of "
                    + next.channels());
        }
        float[] s = new float[scale.length];
        float[] o = new float[scale.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = next.scale[c] * scale[c];
            o[c] = next.scale[c] * offset[c] + next.offset[c];
        }
        return new ColorLinear(s, o);
    }

    @Override
    public String toString() {
        return "ColorLinear[scale=" + Arrays.toString(scale) + ", offset=" + Arrays.toString(offset) + "]";
    }
}
