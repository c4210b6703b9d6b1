package io.jdatagen.augment;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.random.RandomGenerator;

/**
 * Keras 2's brightness shift ({@code brightness_range}, {@code apply_brightness_shift}): a factor drawn
 * from {@code U(low, high)}, applied with Pillow's arithmetic ({@code ImageEnhance.Brightness} on 8-bit
 * samples, alpha kept). The image is read as channels last with 1, 3 or 4 channels, as the reference does.
 */
public final class BrightnessShift implements PixelStep<Double> {
    private final double[] range;
    private final boolean scale;

    /**
     * @param range {@code {low, high}}, or null for a step that draws nothing (parameters given to a
     *     pipeline still apply)
     * @param scale Keras's {@code scale}: whether the image is min-max scaled to 0..255 and stays there
     *     ({@code ImageDataGenerator} passes false)
     * @throws IllegalArgumentException unless the range is two finite numbers, low not above high
     */
    public BrightnessShift(double[] range, boolean scale) {
        if (range != null && (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1])
                || range[0] > range[1])) {
            throw new IllegalArgumentException("brightness range must be two finite numbers low <= high; got: "
                    + java.util.Arrays.toString(range));
        }
        this.range = range == null ? null : range.clone();
        this.scale = scale;
    }

    @Override
    public String name() {
        return "keras_brightness";
    }

    @Override
    public Double draw(ImageShape image, RandomGenerator rng) {
        return range != null ? range[0] + (range[1] - range[0]) * rng.nextDouble() : null;
    }

    @Override
    public Tensor apply(Double factor, Tensor image, ImageShape shape, SampleContext context) {
        return shifted(image, factor, scale);
    }

    /**
     * {@return a new tensor: {@code x} with its brightness scaled by {@code factor}, Pillow's way}
     *
     * @param x a rank-3 image, channels last, with 1, 3 or 4 channels
     * @param factor the brightness factor (1 keeps the image)
     * @param scale whether the image is min-max scaled to 0..255 and stays there; without it, values outside
     *     0..255 are scaled for Pillow and scaled back
     * @throws IllegalArgumentException {@code "Unsupported channel number: N"} for another channel count, or
     *     Keras's message for another rank
     */
    public static Tensor shifted(Tensor x, double factor, boolean scale) {
        return PillowBrightness.apply(x, factor, scale);
    }
}
