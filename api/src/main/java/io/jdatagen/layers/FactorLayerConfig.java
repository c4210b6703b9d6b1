package io.jdatagen.layers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The arguments of the Keras 3 color layers that take a {@code factor}, a {@code value_range} and a
 * {@code seed} ({@code RandomBrightness}, {@code RandomContrast}, {@code RandomInvert}, ...), read from a config
 * or from Java arguments with Keras's checks, and written back in Keras's key order: the base entries,
 * {@code data_format}, {@code factor}, {@code value_range}, {@code seed}.
 *
 * @param base the base layer's entries
 * @param dataFormat Keras's {@code data_format}, kept for the round trip (the pipeline's format rules)
 * @param factor the factor range {@code [low, high]} as Keras's {@code _set_factor} leaves it
 * @param valueRange the value range, sorted where the layer sorts it
 * @param seed Keras's seed, kept for the round trip (draws come from the sample's stream)
 */
record FactorLayerConfig(ColorConfigs.Base base, Object dataFormat, List<Number> factor, List<Number> valueRange,
        Object seed) {
    private static final Set<String> KEYS = Set.of("data_format", "factor", "value_range", "seed");
    private static final String VALUE_RANGE_ERROR = "The `value_range` argument should be a list of two numbers. ";

    /**
     * How one layer reads its factor and value range.
     *
     * @param className Keras's class name, for messages
     * @param defaultName the layer name Keras gives a new layer
     * @param defaultFactor the factor when none is given, or null when Keras requires one
     * @param low the lower factor bound ({@code _FACTOR_BOUNDS[0]})
     * @param high the upper factor bound
     * @param sortsRange whether the layer sorts its value range, as most do
     */
    record Rules(String className, String defaultName, Object defaultFactor, Number low, Number high,
            boolean sortsRange) {
    }

    /**
     * {@return the arguments Keras's {@code get_config()} wrote}
     *
     * @throws IllegalArgumentException with Keras's messages, or for a key the layer does not take
     */
    static FactorLayerConfig fromConfig(Rules rules, Map<String, Object> config) {
        ColorConfigs.checkKeys(rules.className(), config, KEYS);
        return of(rules, ColorConfigs.Base.of(config, rules.defaultName()),
                config.getOrDefault("data_format", "channels_last"),
                config.getOrDefault("factor", rules.defaultFactor()),
                config.getOrDefault("value_range", List.of(0, 255)), config.get("seed"));
    }

    /**
     * {@return the arguments of a layer built in Java}
     *
     * @param factor one number or two, or null for the rules' default
     * @param valueRange two numbers, or null for Keras's default {@code (0, 255)}
     * @throws IllegalArgumentException with Keras's messages
     */
    static FactorLayerConfig of(Rules rules, double[] factor, double[] valueRange, Integer seed) {
        return of(rules, ColorConfigs.argument(factor), valueRange, seed);
    }

    /**
     * {@return the arguments of a layer built in Java, its factor already in the config's form}
     *
     * @param factor a number or a list of numbers as a config holds it, or null for the rules' default
     * @param valueRange two numbers, or null for Keras's default {@code (0, 255)}
     * @throws IllegalArgumentException with Keras's messages
     */
    static FactorLayerConfig of(Rules rules, Object factor, double[] valueRange, Integer seed) {
        Object f = factor == null ? rules.defaultFactor() : factor;
        return of(rules, ColorConfigs.Base.named(rules.defaultName()), "channels_last", f,
                valueRange == null ? List.of(0, 255) : ColorConfigs.argument(valueRange), seed);
    }

    private static FactorLayerConfig of(Rules rules, ColorConfigs.Base base, Object dataFormat, Object factor,
            Object valueRange, Object seed) {
        List<Number> f = ColorConfigs.factor(factor, rules.low(), rules.high());
        List<Number> range = ColorConfigs.pair(valueRange, VALUE_RANGE_ERROR, "value_range");
        return new FactorLayerConfig(base, dataFormat, f, rules.sortsRange() ? ColorConfigs.sorted(range) : range,
                seed);
    }

    /** {@return the config as Keras's {@code get_config()} writes it} */
    Map<String, Object> toConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("factor", ColorConfigs.list(factor));
        m.put("value_range", ColorConfigs.list(valueRange));
        m.put("seed", seed);
        return m;
    }

    /** {@return the factor range's lower end in float32} */
    float low() {
        return factor.get(0).floatValue();
    }

    /** {@return the factor range's upper end in float32} */
    float high() {
        return factor.get(1).floatValue();
    }

    /** {@return {@code U(low, high)} in float32, as Keras's uniform draw} */
    float uniform(RandomGenerator rng) {
        return low() + (high() - low()) * rng.nextFloat();
    }

    /** {@return the value range's first number in float32} */
    float rangeMin() {
        return valueRange.get(0).floatValue();
    }

    /** {@return the value range's second number in float32} */
    float rangeMax() {
        return valueRange.get(1).floatValue();
    }
}
