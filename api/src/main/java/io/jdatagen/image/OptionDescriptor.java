package io.jdatagen.image;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One generator option as {@link Option}'s table describes it: its config key (Keras's argument
 * name) and aliases, the {@code GeneratorBuilder} methods that set it, its default, the values it
 * allows (said once, in {@link #allowed()}, and used by every message about it), how a value is
 * checked and copied, and its config form both ways. Descriptors compare by identity: each is one
 * constant of the table.
 *
 * @param <T> the Java type of the option's value
 */
final class OptionDescriptor<T> {
    /** How an option appears in the config map and JSON. */
    enum ConfigForm {
        /** Written by {@code getConfig} and read back by {@code fromConfig}. */
        WRITTEN,
        /** A known key that is never written; a config giving it a non-null value is an error (functions). */
        REJECTED,
        /** No config key: set from Java only (hooks, backend). */
        NONE
    }

    /** What is wrong with a value: messages show the form the user wrote it in. */
    enum Fault {
        /** A config value of the wrong shape (a string for a number, three numbers for a pair). */
        CONFIG_SHAPE,
        /** A value of the right type that the option does not allow, set in Java or read from a config. */
        VALUE
    }

    /** Writes the error message for a value the option does not allow. */
    @FunctionalInterface
    interface Complaint {
        /**
         * The error message.
         *
         * @param option the option complained about, for its key and {@link #allowed()}
         * @param fault what is wrong with the value
         * @param got the value as given
         */
        String message(OptionDescriptor<?> option, Fault fault, Object got);
    }

    /** The default complaint: {@code rotation_range must be a finite number >= 0; got: -5.0}. */
    static final Complaint MUST_BE = (o, fault, got) -> o.key + " must be " + o.allowed + "; got: "
            + OptionText.print(got);

    private final String key;
    private final List<String> aliases;
    private final List<String> setters;
    private final T defaultValue;
    private final boolean nullable;
    private final String allowed;
    private final List<String> choices;
    private final Predicate<T> valid;
    private final Complaint complaint;
    private final UnaryOperator<T> copy;
    private final Function<T, Object> writer;
    private final Function<Object, T> reader;
    private final ConfigForm configForm;

    private OptionDescriptor(Draft<T> d) {
        this.key = d.key;
        this.aliases = d.aliases;
        this.setters = d.setters;
        this.defaultValue = d.defaultValue;
        this.nullable = d.nullable;
        this.allowed = Objects.requireNonNull(d.allowed, "allowed");
        this.choices = d.choices;
        this.valid = d.valid;
        this.complaint = d.complaint;
        this.copy = d.copy;
        this.writer = d.writer;
        this.reader = d.reader;
        this.configForm = d.configForm;
    }

    /**
     * {@return a draft of an option, to finish with the {@link Draft} methods and {@link Draft#done()}}
     *
     * @param <T> the Java type of its value
     * @param key the config key: Keras's argument name, or mltk's, or the RFC's
     * @param defaultValue the value when the option is not set (Keras's default)
     */
    static <T> Draft<T> option(String key, T defaultValue) {
        return new Draft<>(key, defaultValue);
    }

    /** {@return the config key: Keras's argument name (or mltk's or the RFC's for their options)} */
    String key() {
        return key;
    }

    /**
     * {@return the keys a config may give this option under: {@link #key()}, then its aliases (read, never
     * written, e.g. {@code fill_value})}
     */
    List<String> configKeys() {
        return Stream.concat(Stream.of(key), aliases.stream()).toList();
    }

    /** {@return the names of the {@code GeneratorBuilder} methods that set this option (overloads once)} */
    List<String> setters() {
        return setters;
    }

    /** {@return the value of an option that is not set} */
    T defaultValue() {
        return defaultValue;
    }

    /** {@return whether null is a value of this option (meaning "none") rather than an error} */
    boolean nullable() {
        return nullable;
    }

    /** {@return the values this option allows, as a phrase the messages use} */
    String allowed() {
        return allowed;
    }

    /**
     * {@return the names a value may take, for an option whose values are named (fill modes, noise kinds):
     * listed in {@link #allowed()} and by the value type's own "unknown ... Allowed:" message; empty otherwise}
     */
    List<String> choices() {
        return choices;
    }

    /** {@return how this option appears in the config map and JSON} */
    ConfigForm configForm() {
        return configForm;
    }

    /**
     * {@return {@code value} checked and copied where it is mutable (arrays), ready to keep}
     *
     * @param value the value set (null only for a {@link #nullable()} option)
     * @throws IllegalArgumentException from {@link #complaint} when the value is not allowed
     */
    T checked(T value) {
        if (value == null) {
            return null;
        }
        if (!valid.test(value)) {
            throw invalid(Fault.VALUE, value);
        }
        return copy.apply(value);
    }

    /**
     * {@return the config form of {@code value}: what {@code getConfig} puts under {@link #key()}}
     *
     * @param value the option's value
     */
    Object write(T value) {
        return value == null ? null : writer.apply(value);
    }

    /**
     * {@return the value a config gives this option, of the option's type (checked later with the others, by
     * {@link #checked})}
     *
     * @param configValue the value under the key in a config map (a number, string, boolean, list or map as
     *     JSON reads them); null only when a builder method passes a name on
     * @throws IllegalArgumentException from {@link #complaint} (or the value type's parser) when the value has
     *     the wrong shape or names nothing, and for every value of an option that configs cannot hold
     */
    T read(Object configValue) {
        T value = configForm == ConfigForm.WRITTEN ? reader.apply(configValue) : null;
        if (value == null) {
            throw invalid(Fault.CONFIG_SHAPE, configValue);
        }
        return value;
    }

    /**
     * {@return the error for a value this option does not allow}
     *
     * @param fault what is wrong with it
     * @param got the value
     */
    IllegalArgumentException invalid(Fault fault, Object got) {
        return new IllegalArgumentException(complaint.message(this, fault, got));
    }

    @Override
    public String toString() {
        return key;
    }

    /**
     * An option being described; {@link #done()} makes the descriptor. Unset parts default to: no aliases,
     * no setters, no named choices, not nullable, every value valid, the {@link #MUST_BE} complaint, no copy,
     * written as is, {@link ConfigForm#WRITTEN}; a written option needs a reader.
     *
     * @param <T> the Java type of the option's value
     */
    static final class Draft<T> {
        private final String key;
        private final T defaultValue;
        private List<String> aliases = List.of();
        private List<String> setters = List.of();
        private boolean nullable;
        private String allowed;
        private List<String> choices = List.of();
        private Predicate<T> valid = v -> true;
        private Complaint complaint = MUST_BE;
        private UnaryOperator<T> copy = UnaryOperator.identity();
        private Function<T, Object> writer = v -> v;
        private Function<Object, T> reader;
        private ConfigForm configForm = ConfigForm.WRITTEN;

        private Draft(String key, T defaultValue) {
            this.key = Objects.requireNonNull(key, "key");
            this.defaultValue = defaultValue;
        }

        Draft<T> setters(String... names) {
            this.setters = List.of(names);
            return this;
        }

        Draft<T> aliases(String... keys) {
            this.aliases = List.of(keys);
            return this;
        }

        Draft<T> nullable() {
            this.nullable = true;
            return this;
        }

        Draft<T> allowed(String phrase) {
            this.allowed = phrase;
            return this;
        }

        Draft<T> choices(List<String> names) {
            this.choices = List.copyOf(names);
            return this;
        }

        Draft<T> valid(Predicate<T> test) {
            this.valid = test;
            return this;
        }

        Draft<T> complaint(Complaint message) {
            this.complaint = message;
            return this;
        }

        Draft<T> copy(UnaryOperator<T> copier) {
            this.copy = copier;
            return this;
        }

        Draft<T> write(Function<T, Object> toConfig) {
            this.writer = toConfig;
            return this;
        }

        /**
         * Sets how a config value becomes the option's value.
         *
         * @param fromConfig returns null for a value of the wrong shape (the descriptor then complains), or
         *     throws with its own message (the value types' parsers)
         * @return this draft
         */
        Draft<T> read(Function<Object, T> fromConfig) {
            this.reader = fromConfig;
            return this;
        }

        Draft<T> configForm(ConfigForm form) {
            this.configForm = form;
            return this;
        }

        OptionDescriptor<T> done() {
            if (reader == null && configForm == ConfigForm.WRITTEN) {
                throw new IllegalStateException("option " + key + " is written to configs but has no reader");
            }
            return new OptionDescriptor<>(this);
        }
    }
}
