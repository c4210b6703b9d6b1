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
 * Keras 3's {@code RandomColorDegeneration(factor, value_range=(0, 255), data_format=None, seed=None)}: per
 * image a factor {@code f} from {@code U(factor[0], factor[1])}, then every value blends towards its pixel's
 * grey, {@code x + f·(grey − x)}, clipped to the value range (float32). A single number {@code f} in
 * [-1, 1] means {@code [-|f|, |f|]}, so negative factors (more colour) are drawn too, as in Keras 3.15.
 * Its parameter is Keras's {@code factor}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_color_degeneration/">Keras RandomColorDegeneration</a>
 */
public final class RandomColorDegeneration implements KerasLayer, PixelStep<Float> {
    private static final Set<String> KEYS = Set.of("data_format", "factor", "value_range", "seed");

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final List<Number> factor;
    private final List<Number> valueRange;
    private final Object seed;

    /**
     * @param factor one number in [-1, 1] or two (sorted), the range of the blend factor
     * @param valueRange the {@code {min, max}} (sorted) results are clipped to, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [-1, 1] or a value range
     *     that is not two numbers
     */
    public RandomColorDegeneration(double[] factor, double[] valueRange, Integer seed) {
        this(ColorConfigs.Base.named("random_color_degeneration"), "channels_last",
                ColorConfigs.factorArgument(factor),
                valueRange == null ? List.of(0, 255) : List.of(valueRange[0], valueRange[1]), seed);
    }

    private RandomColorDegeneration(ColorConfigs.Base base, Object dataFormat, Object factor, Object valueRange,
            Object seed) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.factor = ColorConfigs.factor(factor, -1, 1);
        this.valueRange = ColorConfigs.sorted(ColorConfigs.pair(valueRange,
                "The `value_range` argument should be a list of two numbers. ", "value_range"));
        this.seed = seed;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomColorDegeneration fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandomColorDegeneration", config, KEYS);
        return new RandomColorDegeneration(ColorConfigs.Base.of(config, "random_color_degeneration"),
                config.getOrDefault("data_format", "channels_last"), config.get("factor"),
                config.getOrDefault("value_range", List.of(0, 255)), config.get("seed"));
    }

    @Override
    public String className() {
        return "RandomColorDegeneration";
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

    /** {@inheritDoc} Keras's draw: {@code U(factor[0], factor[1])} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float low = factor.get(0).floatValue();
        float high = factor.get(1).floatValue();
        return low + (high - low) * rng.nextFloat();
    }

    @Override
    public Tensor apply(Float f, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data();
        float[] grey = Grayscale.of(x, shape);
        float lo = valueRange.get(0).floatValue();
        float hi = valueRange.get(1).floatValue();
        float blend = f;
        for (int k = 0; k < x.length; k++) {
            float v = x[k] + blend * (grey[Grayscale.pixel(k, shape)] - x[k]);
            x[k] = Math.min(Math.max(v, lo), hi);
        }
        return image;
    }
}
