package io.jdatagen.image;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An immutable set of generator option values keyed by their {@link OptionDescriptor}; an option not
 * present has its descriptor's default. Values are put only through a descriptor of their type, so
 * {@link #get} returns the descriptor's type. Keyed by identity: the generator's accessors read
 * from here per sample.
 */
final class OptionValues {
    /** Every option at its default. */
    static final OptionValues DEFAULTS = new OptionValues(Map.of());

    private final Map<OptionDescriptor<?>, Object> values;

    /**
     * Copies {@code values}.
     *
     * @param values each value under its descriptor, of the descriptor's type (null where it is nullable)
     */
    OptionValues(Map<OptionDescriptor<?>, Object> values) {
        this.values = new IdentityHashMap<>(values);
    }

    /** {@return the value of {@code option}: the one present, else the option's default} */
    @SuppressWarnings("unchecked")
    <T> T get(OptionDescriptor<T> option) {
        return (T) values.getOrDefault(option, option.defaultValue());
    }

    /** {@return a mutable copy of the values present, for a builder to start from} */
    Map<OptionDescriptor<?>, Object> toMap() {
        return new IdentityHashMap<>(values);
    }
}
