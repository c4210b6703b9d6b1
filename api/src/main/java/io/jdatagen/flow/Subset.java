package io.jdatagen.flow;

import io.jdatagen.core.OptionNames;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which part of a source a flow reads when the augmenter has a {@code validation_split}. */
public enum Subset {
    /** The rest after the validation part. */
    TRAINING,
    /** The first {@code validation_split} fraction (per class for directories). */
    VALIDATION;

    /** {@return Keras's spelling: {@code training} or {@code validation}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the subset {@code name} names under {@link OptionNames}' rule (case and surrounding
     * blanks ignored), or empty}
     *
     * @param name a subset as the user spelled it (e.g. {@code "Training"}); may be null
     */
    static Optional<Subset> find(String name) {
        return OptionNames.find(name, Arrays.asList(values()), Subset::configName);
    }

    /**
     * {@return the close spelling hint for an unknown {@code name}, to append to Keras's message}
     *
     * @param name a subset as the user spelled it (e.g. {@code "Training"}); may be null
     */
    static String hint(String name) {
        return OptionNames.hint(name, Arrays.stream(values()).map(Subset::configName).toList());
    }

    /**
     * Parses Keras's spelling under {@link OptionNames}' rule ({@code null} means no subset).
     *
     * @return the subset
     * @throws IllegalArgumentException with Keras's message for another name, and a hint when a
     *     spelling is close
     */
    public static Subset fromName(String name) {
        if (name == null) {
            return null;
        }
        return find(name).orElseThrow(() -> new IllegalArgumentException("Invalid subset name: " + name
                + "; expected \"training\" or \"validation\"." + hint(name)));
    }

    /** The {@code [start, stop)} fraction of the rows this subset reads for {@code validationSplit}. */
    double[] fractions(double validationSplit) {
        return this == VALIDATION ? new double[] {0, validationSplit} : new double[] {validationSplit, 1};
    }

    /** Keras's {@code int(fraction * n)}: the double product truncated. */
    static int cut(double fraction, int n) {
        return (int) (fraction * n);
    }
}
