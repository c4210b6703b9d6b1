package io.jdatagen.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading and writing the config entries the color and value layers share, as Keras 3 writes them:
 * the base layer's {@code name}, {@code trainable} and {@code dtype} (kept as given, so that a config
 * round-trips), {@code factor} ranges and {@code value_range} pairs. Numbers keep their JSON type (an
 * integer stays an {@link Integer}), as Python keeps {@code 0} and {@code 0.0} apart in
 * {@code get_config()}.
 */
final class ColorConfigs {
    /** The keys Keras's base {@code Layer.get_config()} writes first. */
    static final List<String> BASE_KEYS = List.of("name", "trainable", "dtype");

    private ColorConfigs() {
    }

    /**
     * The base layer's config: the layer's name, whether it is trainable and its dtype policy.
     *
     * @param name Keras's layer name ({@code "random_contrast"} by default)
     * @param trainable Keras's {@code trainable} flag, kept for the round trip
     * @param dtype the dtype policy as Keras serialises it (a map), kept for the round trip
     */
    record Base(String name, boolean trainable, Object dtype) {
        /** {@return the defaults Keras writes for a new layer named {@code name}: trainable, float32 policy} */
        static Base named(String name) {
            return new Base(name, true, LayerConfig.float32Policy());
        }

        /** {@return the base entries of {@code config}, Keras's defaults where absent} */
        static Base of(Map<String, Object> config, String defaultName) {
            Base d = named(defaultName);
            Object name = config.getOrDefault("name", d.name());
            if (!(name instanceof String)) {
                throw new IllegalArgumentException("layer argument 'name' must be a string; got: " + name);
            }
            Object trainable = config.getOrDefault("trainable", Boolean.TRUE);
            if (!(trainable instanceof Boolean)) {
                throw new IllegalArgumentException("layer argument 'trainable' must be a boolean; got: " + trainable);
            }
            return new Base((String) name, (Boolean) trainable, config.getOrDefault("dtype", d.dtype()));
        }

        /** {@return a new ordered config map holding the base entries, for the layer's own to follow} */
        Map<String, Object> start() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("trainable", trainable);
            m.put("dtype", dtype);
            return m;
        }
    }

    /**
     * Rejects keys a layer does not take, as Keras's constructor rejects unknown keyword arguments.
     *
     * @param layer Keras's class name, for the message
     * @param own the layer's own argument names (the base keys are always allowed)
     */
    static void checkKeys(String layer, Map<String, Object> config, Set<String> own) {
        LayerConfig.checkKeys(layer, config, BASE_KEYS, own);
    }

    /** {@return {@code config.get(key)} as a number, or {@code absent} (which may be null) when not given} */
    static Number number(String layer, Map<String, Object> config, String key, Number absent) {
        Object v = config.getOrDefault(key, absent);
        if (v != null && !(v instanceof Number)) {
            throw new IllegalArgumentException(layer + " argument '" + key + "' must be a number; got: " + v);
        }
        return (Number) v;
    }

    /**
     * {@return a pair of numbers given as a list of two (a JSON array)}
     *
     * @param message the text before {@code "Received: ..."} when it is not a pair of numbers
     */
    static List<Number> pair(Object value, String message, String key) {
        if (value instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Number a
                && list.get(1) instanceof Number b) {
            return List.of(a, b);
        }
        throw new IllegalArgumentException(message + "Received: " + key + "=" + value);
    }

    /** {@return the pair sorted ascending, as Python's {@code sorted} orders it (ties keep their order)} */
    static List<Number> sorted(List<Number> pair) {
        return pair.get(0).doubleValue() <= pair.get(1).doubleValue() ? pair : List.of(pair.get(1), pair.get(0));
    }

    /**
     * {@return Keras's base {@code _set_factor}: a number {@code f} becomes {@code [max(-|f|, low), |f|]}
     * (Python's {@code max}, which returns the bound itself when it wins), a pair is sorted}
     *
     * @param low the layer's lower factor bound ({@code _FACTOR_BOUNDS[0]})
     * @param high the layer's upper factor bound
     * @throws IllegalArgumentException with Keras's message for a factor outside the bounds or not a number
     *     or pair
     */
    static List<Number> factor(Object factor, Number low, Number high) {
        String message = "The `factor` argument should be a number (or a list of two numbers) in the range ["
                + low + ", " + high + "]. Received: factor=" + factor;
        if (factor instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(0) instanceof Number a) || !(list.get(1) instanceof Number b)) {
                throw new IllegalArgumentException(message);
            }
            if (a.doubleValue() > high.doubleValue() || b.doubleValue() < low.doubleValue()) {
                throw new IllegalArgumentException(message);
            }
            return sorted(List.of(a, b));
        }
        if (factor instanceof Number f) {
            double v = f.doubleValue();
            if (v < low.doubleValue() || v > high.doubleValue()) {
                throw new IllegalArgumentException(message);
            }
            Number abs = v < 0 ? negate(f) : f;
            // Python's max(-f, low) returns its first argument unless low is strictly larger
            Number lower = -Math.abs(v) >= low.doubleValue() ? negate(abs) : low;
            return List.of(lower, abs);
        }
        throw new IllegalArgumentException(message);
    }

    /**
     * {@return a Java array argument ({@code factor}, {@code value_range}) as Keras's config holds it: null, one
     * number, or a list of the given numbers (a list of other than two is refused by {@link #factor} and
     * {@link #pair} with Keras's message)}
     */
    static Object argument(double[] values) {
        if (values == null) {
            return null;
        }
        if (values.length == 1) {
            return values[0];
        }
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /** {@return {@code -n} of the same JSON type} */
    static Number negate(Number n) {
        if (n instanceof Integer i) {
            return -i;
        }
        if (n instanceof Long l) {
            return -l;
        }
        return -n.doubleValue();
    }

    /** {@return the values of a list of numbers, or of one number, as doubles} */
    static double[] doubles(Object value, String layer, String key) {
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            double[] d = new double[list.size()];
            for (int i = 0; i < d.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw new IllegalArgumentException(layer + " argument '" + key
                            + "' must be a number or a list of numbers; got: " + value);
                }
                d[i] = n.doubleValue();
            }
            return d;
        }
        throw new IllegalArgumentException(layer + " argument '" + key
                + "' must be a number or a non-empty list of numbers; got: " + value);
    }

    /** {@return a mutable copy of a pair, for a config map (JSON holds a list)} */
    static List<Number> list(List<Number> pair) {
        return new ArrayList<>(pair);
    }
}
