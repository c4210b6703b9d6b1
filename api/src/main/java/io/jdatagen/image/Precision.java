package io.jdatagen.image;

import io.jdatagen.core.OptionNames;
import java.util.Arrays;

/**
 * The arithmetic precision of {@code standardize} and {@code fit} (Keras's {@code dtype}). Tensors
 * are float32 either way; with {@link #FLOAT64} the intermediate steps and the
 * fitted statistics are kept in double and rounded once at the end, as numpy does in float64.
 */
public enum Precision {
    /** numpy float32: every step rounds to float32. */
    FLOAT32("float32"),
    /** numpy float64: steps in double. */
    FLOAT64("float64");

    private final String kerasName;

    Precision(String kerasName) {
        this.kerasName = kerasName;
    }

    /** {@return the Keras {@code dtype} spelling} */
    public String kerasName() {
        return kerasName;
    }

    /**
     * {@return the result of one step in this precision: rounded to float32 for {@link #FLOAT32}}
     *
     * @param v the value of one step
     */
    public double round(double v) {
        return this == FLOAT32 ? (float) v : v;
    }

    /**
     * Parses a Keras dtype name; null means float32.
     *
     * @return the precision
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Precision fromKerasName(String name) {
        if (name == null) {
            return FLOAT32;
        }
        return OptionNames.parse("dtype", name, Arrays.asList(values()), Precision::kerasName);
    }
}
