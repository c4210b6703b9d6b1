package io.jdatagen.flow;

/** Which part of a source a flow reads when the augmenter has a {@code validation_split}. */
public enum Subset {
    /** The rest after the validation part. */
    TRAINING,
    /** The first {@code validation_split} fraction (per class for directories). */
    VALIDATION;

    /**
     * Parses Keras's spelling ({@code null} means no subset).
     *
     * @param name the name
     * @return the subset
     * @throws IllegalArgumentException with Keras's message for another name
     */
    public static Subset fromName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "training" -> TRAINING;
            case "validation" -> VALIDATION;
            default -> throw new IllegalArgumentException("Invalid subset name: " + name
                    + "; expected \"training\" or \"validation\".");
        };
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
