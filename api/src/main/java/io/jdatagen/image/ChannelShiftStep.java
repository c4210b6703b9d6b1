package io.jdatagen.image;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Tensor;
import java.util.random.RandomGenerator;

/**
 * Keras's channel shift ({@code apply_channel_shift}): an intensity drawn from
 * {@code U(-range, range)} added to every value, clipped to the image's own minimum and maximum. Draws
 * nothing when the range is 0; given parameters apply whatever the range.
 */
final class ChannelShiftStep implements PixelStep<Double> {
    private final double range;
    private final int channelAxis;

    ChannelShiftStep(double range, int channelAxis) {
        this.range = range;
        this.channelAxis = channelAxis;
    }

    @Override
    public String name() {
        return "keras_channel_shift";
    }

    @Override
    public Double draw(ImageShape image, RandomGenerator rng) {
        return range != 0 ? KerasAffineStep.uniform(rng, -range, range) : null;
    }

    @Override
    public Tensor apply(Double intensity, Tensor image, ImageShape shape, SampleContext context) {
        return AffineTransforms.applyChannelShift(image, intensity, channelAxis);
    }
}
