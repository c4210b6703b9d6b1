package io.jdatagen.augment;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.random.RandomGenerator;

/**
 * Keras 2's channel shift ({@code channel_shift_range}, {@code apply_channel_shift}): an intensity drawn
 * from {@code U(-range, range)} added to every value in float32, the result clipped to the image's own
 * minimum and maximum over all channels.
 */
public final class ChannelShift implements PixelStep<Double> {
    private final double range;

    /**
     * @param range the largest intensity, at least 0; with 0 the step draws nothing (parameters given to a
     *     pipeline still apply)
     * @throws IllegalArgumentException for a negative or non-finite range
     */
    public ChannelShift(double range) {
        if (!Double.isFinite(range) || range < 0) {
            throw new IllegalArgumentException("channel shift range must be a finite number >= 0; got: " + range);
        }
        this.range = range;
    }

    @Override
    public String name() {
        return "keras_channel_shift";
    }

    @Override
    public Double draw(ImageShape image, RandomGenerator rng) {
        return range != 0 ? -range + (range - -range) * rng.nextDouble() : null;
    }

    @Override
    public Tensor apply(Double intensity, Tensor image, ImageShape shape, SampleContext context) {
        return shifted(image, intensity);
    }

    /**
     * {@return a new tensor: {@code x} plus {@code intensity} (in float32), clipped to {@code x}'s minimum and
     * maximum}
     *
     * @param x an image, any layout
     * @param intensity the value added to every element
     */
    public static Tensor shifted(Tensor x, double intensity) {
        float[] in = x.data();
        ValueRange range = ValueRange.of(in);
        float shift = (float) intensity;
        float[] out = new float[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = Math.min(Math.max(in[k] + shift, range.min()), range.max());
        }
        return Tensor.of(out, x.shape());
    }
}
