package io.jdatagen.image;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Tensor;
import java.util.random.RandomGenerator;

/**
 * Keras's brightness shift as {@code ImageDataGenerator} applies it: a factor drawn from the range, then
 * {@code apply_brightness_shift} with {@code scale=False} (Pillow's arithmetic, {@link PillowBrightness}).
 * Draws nothing without a range; given parameters apply whatever the range.
 */
final class BrightnessStep implements PixelStep<Double> {
    private final double[] range;

    BrightnessStep(double[] range) {
        this.range = range == null ? null : range.clone();
    }

    @Override
    public String name() {
        return "keras_brightness";
    }

    @Override
    public Double draw(ImageShape image, RandomGenerator rng) {
        return range != null ? KerasAffineStep.uniform(rng, range[0], range[1]) : null;
    }

    @Override
    public Tensor apply(Double factor, Tensor image, ImageShape shape, SampleContext context) {
        return PillowBrightness.apply(image, factor, false);
    }
}
