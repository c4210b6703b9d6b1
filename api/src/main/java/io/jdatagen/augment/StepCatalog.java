package io.jdatagen.augment;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The built-in steps by name, each made from a config map of its arguments (the form Keras-3-style
 * configs give). Adding a built-in augmentation is one new step class with a {@code fromConfig} factory
 * and one line in the table below.
 */
public final class StepCatalog {
    private static final Map<String, Function<Map<String, Object>, Step>> FACTORIES = table();

    private StepCatalog() {
    }

    private static Map<String, Function<Map<String, Object>, Step>> table() {
        Map<String, Function<Map<String, Object>, Step>> t = new TreeMap<>();
        t.put("mean_contrast", MeanContrast::fromConfig);
        t.put("random_rotation90", RandomRotation90::fromConfig);
        return Collections.unmodifiableMap(t);
    }

    /** {@return the names of the built-in steps, sorted} */
    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /**
     * {@return a new built-in step}
     *
     * @param name the step's name, one of {@link #names()}
     * @param config the step's arguments by name
     * @throws IllegalArgumentException naming an unknown step (and the known ones) or an invalid argument
     */
    public static Step create(String name, Map<String, Object> config) {
        Function<Map<String, Object>, Step> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown step '" + name + "'; known steps: " + names());
        }
        return factory.apply(config);
    }
}
