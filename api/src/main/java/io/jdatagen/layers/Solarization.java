package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.PixelKernel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code Solarization(addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255), seed=None)}:
 * per image an addition and a threshold are drawn, values are moved to 0..255, the addition added and
 * clipped to 0..255, every value at or above the threshold inverted ({@code 255 − v}), and the result moved
 * back to the value range, in float32. As in Keras 3.15, each is drawn from
 * {@code U(factor[0], factor[1]·255)}: the lower bound is not scaled by 255. With the defaults every value
 * is inverted.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/solarization/">Keras Solarization</a>
 */
public final class Solarization extends KerasLayerBase implements InPlacePixelStep<Solarization.Transformation> {
    private static final Set<String> KEYS = Set.of("data_format", "value_range", "addition_factor",
            "threshold_factor", "seed");
    private static final String FACTOR_ERROR = "The `addition_factor` and `threshold_factor` arguments should be a"
            + " number (or a list of two numbers) in the range [0, 1]. ";

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final List<Number> valueRange;
    private final List<Number> additionFactor;
    private final List<Number> thresholdFactor;
    private final Object seed;
    private final KerasValueRange range;

    /**
     * One image's draws, in 0..255 units, as Keras's transformation holds them.
     *
     * @param additions added to every value before the threshold
     * @param thresholds values at or above it are inverted
     */
    record Transformation(float additions, float thresholds) {
    }

    /**
     * @param additionFactor one number {@code f} in [0, 1] (the range {@code [0, f]}) or two (sorted)
     * @param thresholdFactor as {@code additionFactor}
     * @param valueRange the images' {@code {min, max}} (sorted), Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [0, 1] or a value range that
     *     is not two numbers
     */
    public Solarization(double[] additionFactor, double[] thresholdFactor, double[] valueRange, Integer seed) {
        this(ColorConfigs.Base.named("solarization"), "channels_last",
                valueRange == null ? List.of(0, 255) : ColorConfigs.argument(valueRange),
                additionFactor == null ? 0.0 : ColorConfigs.argument(additionFactor),
                thresholdFactor == null ? 0.0 : ColorConfigs.argument(thresholdFactor), seed);
    }

    private Solarization(ColorConfigs.Base base, Object dataFormat, Object valueRange, Object additionFactor,
            Object thresholdFactor, Object seed) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.additionFactor = factor(additionFactor, "addition_factor");
        this.thresholdFactor = factor(thresholdFactor, "threshold_factor");
        this.valueRange = ColorConfigs.sorted(ColorConfigs.pair(valueRange,
                "The `value_range` argument should be a list of two numbers. ", "value_range"));
        this.seed = seed;
        this.range = new KerasValueRange(this.valueRange);
    }

    /** Solarization's own {@code _set_factor}: a number {@code f} is {@code [0, f]}, a pair is sorted. */
    private static List<Number> factor(Object factor, String key) {
        if (factor instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(0) instanceof Number a) || !(list.get(1) instanceof Number b)) {
                throw new IllegalArgumentException(FACTOR_ERROR + "Received: " + key + "=" + factor);
            }
            check(a);
            check(b);
            return ColorConfigs.sorted(List.of(a, b));
        }
        if (factor instanceof Number f) {
            check(f);
            return List.of(0, f);
        }
        throw new IllegalArgumentException(FACTOR_ERROR + "Received: " + key + "=" + factor);
    }

    private static void check(Number n) {
        if (n.doubleValue() > 1.0 || n.doubleValue() < 0) {
            throw new IllegalArgumentException(FACTOR_ERROR + "Received: input_number=" + n);
        }
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code addition_factor},
     * {@code threshold_factor}, {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static Solarization fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("Solarization", config, KEYS);
        return new Solarization(ColorConfigs.Base.of(config, "solarization"),
                config.getOrDefault("data_format", "channels_last"),
                config.getOrDefault("value_range", List.of(0, 255)), config.getOrDefault("addition_factor", 0.0),
                config.getOrDefault("threshold_factor", 0.0), config.get("seed"));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("value_range", ColorConfigs.list(valueRange));
        m.put("addition_factor", ColorConfigs.list(additionFactor));
        m.put("threshold_factor", ColorConfigs.list(thresholdFactor));
        m.put("seed", seed);
        return m;
    }

    /** {@inheritDoc} Keras's draws, addition first: each {@code U(factor[0], factor[1]·255)} in float32. */
    @Override
    public Transformation draw(ImageShape image, RandomGenerator rng) {
        float additions = uniform(additionFactor, rng);
        float thresholds = uniform(thresholdFactor, rng);
        return new Transformation(additions, thresholds);
    }

    private static float uniform(List<Number> factor, RandomGenerator rng) {
        float low = factor.get(0).floatValue();
        float high = factor.get(1).floatValue() * 255f;
        return low + (high - low) * rng.nextFloat();
    }

    @Override
    public boolean applyInPlace(Transformation t, float[] x, int offset, ImageShape shape, SampleContext context) {
        return applyInPlace(t, x, offset, shape, context, PlainKernel.INSTANCE);
    }

    /** {@inheritDoc} Always, on 0..255 ({@link PixelKernel#solarize}, the same bits on every backend). */
    @Override
    public boolean applyInPlace(Transformation t, float[] x, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        int end = offset + shape.size();
        range.to255(x, offset, end);
        kernel.solarize(x, offset, shape.size(), t.additions(), t.thresholds());
        range.from255(x, offset, end);
        return true;
    }
}
