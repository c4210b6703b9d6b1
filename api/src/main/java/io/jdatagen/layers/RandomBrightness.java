package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.flow.SampleContext;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomBrightness(factor, value_range=(0, 255), seed=None)}: one delta per image,
 * {@code U(factor[0], factor[1])·(value_range[1] − value_range[0])}, added to every value, and the result
 * clipped to the value range, in float32. The clip makes it a pixel step rather than a color-linear one.
 * Its parameter is the delta Keras's transformation calls {@code rgb_delta}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_brightness/">Keras RandomBrightness</a>
 */
public final class RandomBrightness extends FactorLayer implements InPlacePixelStep<Float> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomBrightness", "random_brightness", null, -1, 1, true);

    /**
     * @param factor a number {@code f} in [-1, 1] for deltas in {@code [-|f|, |f|]} of the value range, or two
     *     numbers {@code {low, high}} (sorted), as fractions of the value range
     * @param valueRange the images' {@code {min, max}} (sorted), Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor out of [-1, 1] or a value range
     *     that is not two numbers
     */
    public RandomBrightness(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomBrightness(FactorLayerConfig args) {
        super(args);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomBrightness fromConfig(Map<String, Object> config) {
        return new RandomBrightness(FactorLayerConfig.fromConfig(RULES, config));
    }

    /** {@inheritDoc} Keras's draw: {@code rgb_delta = U(factor)·(max − min)} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float u = args.uniform(rng);
        return u * (args.rangeMax() - args.rangeMin());
    }

    @Override
    public boolean applyInPlace(Float rgbDelta, float[] x, int offset, ImageShape shape, SampleContext context) {
        float lo = args.rangeMin();
        float hi = args.rangeMax();
        float d = rgbDelta;
        int end = offset + shape.size();
        for (int k = offset; k < end; k++) {
            x[k] = Math.min(Math.max(x[k] + d, lo), hi);
        }
        return true;
    }
}
