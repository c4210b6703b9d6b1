package io.jdatagen.layers;

import io.jdatagen.core.DataFormat;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys every Keras 3 preprocessing layer's {@code get_config()} starts with ({@code name},
 * {@code trainable}, {@code dtype}, {@code data_format}), kept as a config gives them so that a round trip
 * returns them unchanged, and the reading of a config's own arguments with messages naming the key.
 *
 * @param name the layer's name ({@code "mix_up"} for an unnamed {@code MixUp})
 * @param trainable Keras's flag, carried for the round trip
 * @param dtype Keras's dtype policy as JSON holds it ({@code {"module": "keras", "class_name":
 *     "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}} by default)
 * @param dataFormat {@code channels_last} (NHWC, Keras's default) or {@code channels_first}
 */
record LayerConfig(String name, boolean trainable, Object dtype, DataFormat dataFormat) {
    /** The keys of this record in a config, in Keras's order. */
    static final List<String> KEYS = List.of("name", "trainable", "dtype", "data_format");

    /** {@return the keys Keras writes for a layer created with no name, dtype or data format} */
    static LayerConfig defaults(String name, DataFormat dataFormat) {
        return new LayerConfig(name, true, float32Policy(),
                dataFormat == null ? DataFormat.CHANNELS_LAST : dataFormat);
    }

    /**
     * {@return a new map of the dtype policy Keras writes for a layer created without one, in Keras's key
     * order: {@code {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
     * "registered_name": null}}}
     */
    static Map<String, Object> float32Policy() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("module", "keras");
        policy.put("class_name", "DTypePolicy");
        policy.put("config", Map.of("name", "float32"));
        policy.put("registered_name", null);
        return policy;
    }

    /**
     * {@return the common keys of {@code config}, Keras's defaults for the missing ones}
     *
     * @param config a layer's config
     * @param defaultName the name Keras gives an unnamed layer of this class
     * @param arguments the keys of the layer's own arguments; any other key is refused
     * @throws IllegalArgumentException for an unknown key or a data format other than Keras's two (in any case:
     *     Keras lowers it)
     */
    static LayerConfig read(Map<String, Object> config, String defaultName, List<String> arguments) {
        checkKeys(defaultName, config, KEYS, arguments);
        LayerConfig d = defaults(defaultName, null);
        DataFormat dataFormat = GeometricArgs.dataFormat(config).equals("channels_first")
                ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
        Object trainable = config.getOrDefault("trainable", Boolean.TRUE);
        if (!(trainable instanceof Boolean)) {
            throw new IllegalArgumentException("trainable must be a boolean; got " + trainable);
        }
        return new LayerConfig(String.valueOf(config.getOrDefault("name", d.name())), (Boolean) trainable,
                config.getOrDefault("dtype", d.dtype()), dataFormat);
    }

    /**
     * Refuses a key of {@code config} that is neither a base key nor one of the layer's own arguments, as
     * Keras's constructor refuses an unknown keyword argument.
     *
     * @param layer the layer's class name (or Keras's default name for it), for the message
     * @param base the base keys the layer's config holds, in Keras's order
     * @param arguments the layer's own argument names
     */
    static void checkKeys(String layer, Map<String, Object> config, Collection<String> base,
            Collection<String> arguments) {
        for (String key : config.keySet()) {
            if (!base.contains(key) && !arguments.contains(key)) {
                Set<String> allowed = new LinkedHashSet<>(base);
                allowed.addAll(arguments);
                throw new IllegalArgumentException("Unrecognized keyword argument passed to " + layer + ": '" + key
                        + "'; its config keys are " + allowed);
            }
        }
    }

    /** {@return a new config map holding these keys in Keras's order, for the layer to add its own} */
    Map<String, Object> start() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", trainable);
        c.put("dtype", dtype);
        c.put("data_format", dataFormat == DataFormat.CHANNELS_FIRST ? "channels_first" : "channels_last");
        return c;
    }

    /**
     * {@return the number under {@code key}, or {@code fallback} when the key is absent}
     *
     * @throws IllegalArgumentException when the value is not a number
     */
    static Number number(Map<String, Object> config, String key, Number fallback) {
        Object v = config.getOrDefault(key, fallback);
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(key + " must be a number; got " + v);
    }

    /**
     * {@return {@code n}, a whole number argument named {@code key}, as an int}
     *
     * @throws IllegalArgumentException naming {@code key} when {@code n} has a fraction or lies outside int's
     *     range (a JSON integer past it would otherwise wrap into another value silently)
     */
    static int intOf(Number n, String key) {
        try {
            return new BigDecimal(n.toString()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + "; got " + n);
        }
    }

    /**
     * {@return the config's {@code seed} as given (an integer or null; kept for the round trip, the draws
     * use the keyed streams), or null when absent}
     *
     * @throws IllegalArgumentException when the value is neither an integer nor null
     */
    static Number seed(Map<String, Object> config) {
        Object v = config.get("seed");
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            return (Number) v;
        }
        throw new IllegalArgumentException("seed must be an integer or null; got " + v);
    }
}
