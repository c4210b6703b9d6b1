package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Step;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomBrightness(factor, value_range=(0, 255), seed=None)}: one delta per image,
 * {@code U(factor[0], factor[1])·(value_range[1] − value_range[0])}, added to every value, and the result
 * clipped to the value range, in float32. The clip makes it a pixel step rather than a color-linear one.
 * Its parameter is the delta Keras's transformation calls {@code rgb_delta}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_brightness/">Keras RandomBrightness</a>
 */
public final class RandomBrightness implements KerasLayer, PixelStep<Float> {
    private static final Set<String> KEYS = Set.of("data_format", "factor", "value_range", "seed");
    private static final String VALUE_RANGE_ERROR = "The `value_range` argument should be a list of two numbers. ";

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final List<Number> factor;
    private final List<Number> valueRange;
    private final Object seed;

    /**
     * @param factor a number {@code f} in [-1, 1] for deltas in {@code [-|f|, |f|]} of the value range, or two
     *     numbers {@code {low, high}} (sorted), as fractions of the value range
     * @param valueRange the images' {@code {min, max}} (sorted), Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor out of [-1, 1] or a value range
     *     that is not two numbers
     */
    public RandomBrightness(double[] factor, double[] valueRange, Integer seed) {
        this(ColorConfigs.Base.named("random_brightness"), "channels_last", ColorConfigs.factorArgument(factor),
                valueRange == null ? List.of(0, 255) : List.of(valueRange[0], valueRange[1]), seed);
    }

    private RandomBrightness(ColorConfigs.Base base, Object dataFormat, Object factor, Object valueRange,
            Object seed) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.factor = ColorConfigs.factor(factor, -1, 1);
        this.valueRange = ColorConfigs.sorted(ColorConfigs.pair(valueRange, VALUE_RANGE_ERROR, "value_range"));
        this.seed = seed;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomBrightness fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandomBrightness", config, KEYS);
        return new RandomBrightness(ColorConfigs.Base.of(config, "random_brightness"),
                config.getOrDefault("data_format", "channels_last"), config.get("factor"),
                config.getOrDefault("value_range", List.of(0, 255)), config.get("seed"));
    }

    @Override
    public String className() {
        return "RandomBrightness";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("factor", ColorConfigs.list(factor));
        m.put("value_range", ColorConfigs.list(valueRange));
        m.put("seed", seed);
        return m;
    }

    @Override
    public Step step() {
        return this;
    }

    @Override
    public String name() {
        return base.name();
    }

    /** {@inheritDoc} Keras's draw: {@code rgb_delta = U(factor)·(max − min)} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float low = factor.get(0).floatValue();
        float high = factor.get(1).floatValue();
        float u = low + (high - low) * rng.nextFloat();
        return u * (valueRange.get(1).floatValue() - valueRange.get(0).floatValue());
    }

    @Override
    public Tensor apply(Float rgbDelta, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data();
        float lo = valueRange.get(0).floatValue();
        float hi = valueRange.get(1).floatValue();
        float d = rgbDelta;
        for (int k = 0; k < x.length; k++) {
            x[k] = Math.min(Math.max(x[k] + d, lo), hi);
        }
        return image;
    }
}
