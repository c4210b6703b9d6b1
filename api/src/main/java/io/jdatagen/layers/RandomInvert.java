package io.jdatagen.layers;

import io.jdatagen.augment.ColorLinear;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomInvert(factor=1.0, value_range=(0, 255), seed=None)}: an image is inverted,
 * {@code value_range[1] − x}, when a uniform threshold falls below a probability itself drawn from
 * {@code U(factor[0], factor[1])} (so with probability the mean of the factor range). The inversion is a
 * per-channel linear map (scale −1), so the layer rides in the warp's color step. Its parameter is
 * {@link Boolean#TRUE} for an inverted image (Keras's {@code apply_inversion}); an image left alone draws
 * null.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_invert/">Keras RandomInvert</a>
 */
public final class RandomInvert implements KerasLayer, ColorLinearStep<Boolean> {
    private static final Set<String> KEYS = Set.of("data_format", "factor", "value_range", "seed");

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final List<Number> factor;
    private final List<Number> valueRange;
    private final Object seed;

    /**
     * @param factor one number in [0, 1] (the range {@code [0, f]}) or two {@code {low, high}} (sorted), the
     *     range the inversion probability is drawn from; Keras's default 1.0
     * @param valueRange the images' {@code {min, max}}; inversion maps {@code x} to {@code max − x}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor out of [0, 1], or a value range
     *     that is not two numbers
     */
    public RandomInvert(double[] factor, double[] valueRange, Integer seed) {
        this(ColorConfigs.Base.named("random_invert"), "channels_last",
                factor == null ? 1.0 : ColorConfigs.factorArgument(factor),
                valueRange == null ? List.of(0, 255) : List.of(valueRange[0], valueRange[1]), seed);
    }

    private RandomInvert(ColorConfigs.Base base, Object dataFormat, Object factor, Object valueRange, Object seed) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.factor = ColorConfigs.factor(factor, 0, 1);
        this.valueRange = ColorConfigs.pair(valueRange, "The `value_range` argument should be a list of two"
                + " numbers. ", "value_range");
        this.seed = seed;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor}, {@code value_range},
     * {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's message, or for an unknown key
     */
    public static RandomInvert fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandomInvert", config, KEYS);
        return new RandomInvert(ColorConfigs.Base.of(config, "random_invert"),
                config.getOrDefault("data_format", "channels_last"), config.getOrDefault("factor", 1.0),
                config.getOrDefault("value_range", List.of(0, 255)), config.get("seed"));
    }

    @Override
    public String className() {
        return "RandomInvert";
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

    /**
     * {@inheritDoc} Keras's draw: a probability {@code U(factor[0], factor[1])}, then a threshold
     * {@code U(0, 1)}; the image is inverted when the threshold is below the probability.
     */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        float low = factor.get(0).floatValue();
        float high = factor.get(1).floatValue();
        float probability = low + (high - low) * rng.nextFloat();
        float threshold = rng.nextFloat();
        return threshold < probability ? Boolean.TRUE : null;
    }

    @Override
    public ColorLinear color(Boolean inverted, ImageShape image) {
        float[] scale = new float[image.channels()];
        float[] offset = new float[image.channels()];
        Arrays.fill(scale, -1f);
        Arrays.fill(offset, valueRange.get(1).floatValue());
        return ColorLinear.of(scale, offset);
    }
}
