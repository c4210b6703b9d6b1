package io.jdatagen.augment;

import java.util.Map;

/** Reads a step's arguments from the config map its {@code fromConfig} factory is given. */
final class StepArguments {
    private StepArguments() {
    }

    /**
     * {@return argument {@code key} of {@code config} as a double}
     *
     * @throws IllegalArgumentException when it is missing or not a number
     */
    static double number(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("step argument '" + key + "' must be a number; got: " + v);
        }
        return n.doubleValue();
    }

    /**
     * {@return argument {@code key} of {@code config} as a double, or {@code absent} when it is not given}
     *
     * @throws IllegalArgumentException when it is given and not a number
     */
    static double number(Map<String, Object> config, String key, double absent) {
        return config.containsKey(key) ? number(config, key) : absent;
    }
}
