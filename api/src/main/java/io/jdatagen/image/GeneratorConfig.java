package io.jdatagen.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdatagen.augment.Noise;
import io.jdatagen.image.OptionDescriptor.ConfigForm;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON / map form of generator options, served from {@link Option}'s table: Keras's constructor
 * arguments in snake_case, plus {@code fill_value} (alias of {@code cval}), {@code resize},
 * {@code compatibility} and mltk's {@code contrast_range}, {@code noise} (a list of names or objects,
 * see {@link Noise#fromConfig}) and {@code augment_validation}. Unknown keys are errors; a null value
 * means the option's default.
 */
final class GeneratorConfig {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GeneratorConfig() {
    }

    /** {@return every written option's config form under its key, in the table's order} */
    static Map<String, Object> toMap(OptionValues values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (OptionDescriptor<?> option : Option.ALL) {
            if (option.configForm() == ConfigForm.WRITTEN) {
                m.put(option.key(), write(option, values));
            }
        }
        return m;
    }

    private static <T> Object write(OptionDescriptor<T> option, OptionValues values) {
        return option.write(values.get(option));
    }

    static String toJson(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write generator config as JSON", e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            Map<String, Object> map = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            if (map == null) {
                throw new IllegalArgumentException("generator config JSON must be an object; got: null");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("generator config is not a valid JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@return the options a config map sets (unchecked: the builder's {@code build} checks them)}
     *
     * @param config option values under their keys, as {@link #parse} or {@code getConfig} make them
     * @throws IllegalArgumentException naming an unknown key, a value of the wrong shape, or an option given
     *     under two of its keys with different values
     */
    static OptionValues read(Map<String, ?> config) {
        for (String key : config.keySet()) {
            if (!Option.CONFIG_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown ImageDataGenerator option '" + key + "'; allowed: "
                        + Option.CONFIG_KEYS);
            }
        }
        Map<OptionDescriptor<?>, Object> set = new HashMap<>();
        for (OptionDescriptor<?> option : Option.ALL) {
            if (option.configForm() != ConfigForm.NONE) {
                readInto(option, config, set);
            }
        }
        return new OptionValues(set);
    }

    /** Reads an option under its key and aliases; they must agree where several are given. */
    private static <T> void readInto(OptionDescriptor<T> option, Map<String, ?> config,
            Map<OptionDescriptor<?>, Object> into) {
        String from = null;
        T value = null;
        for (String key : option.configKeys()) {
            Object given = config.get(key);
            if (given == null) {
                continue;
            }
            T read = option.read(given);
            if (from != null && !Objects.deepEquals(value, read)) {
                throw new IllegalArgumentException(from + " and " + key + " are the same option and disagree: "
                        + from + "=" + OptionText.print(value) + ", " + key + "=" + OptionText.print(read));
            }
            from = key;
            value = read;
        }
        if (from != null) {
            into.put(option, value);
        }
    }
}
