package io.jdatagen.core;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for every string-valued option (color mode, class mode, interpolation, fill mode,
 * data format, subset, output type, codec, backend, ...): a value names a choice when it equals
 * the choice's Keras spelling ignoring case and surrounding blanks, so {@code "RGB"},
 * {@code "Binary"} and {@code "CHANNELS_FIRST"} are accepted everywhere alike. A value that names
 * nothing gets an error listing the allowed spellings and, when one is close (a typo, a missing
 * letter, a prefix), a "did you mean" hint; options whose Keras error text users search for keep
 * that text and gain the hint after it.
 */
public final class OptionNames {
    private OptionNames() {
    }

    /**
     * {@return the choice whose name matches {@code value} under the rule (case and surrounding
     * blanks ignored), or empty for null or no match}
     *
     * @param <T> the type of the choices
     * @param value the value given
     * @param choices the choices, in the order they are listed
     * @param name each choice's Keras spelling
     */
    public static <T> Optional<T> find(String value, Collection<T> choices, Function<T, String> name) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        for (T choice : choices) {
            if (name.apply(choice).equalsIgnoreCase(wanted)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the choice {@code value} names, under the rule}
     *
     * @param <T> the type of the choices
     * @param option the option's name in messages (the Java builder's, e.g. {@code "classMode"})
     * @param value the value given
     * @param choices the choices, in the order they are listed
     * @param name each choice's Keras spelling
     * @throws IllegalArgumentException {@link #unknown} for a value that names no choice
     */
    public static <T> T parse(String option, String value, Collection<T> choices, Function<T, String> name) {
        return find(value, choices, name).orElseThrow(() -> unknown(option, value,
                choices.stream().map(name).toList()));
    }

    /**
     * {@return the error for a value that names no choice: {@code unknown classMode 'Binery'; did
     * you mean 'binary'? Allowed: categorical, binary, ...}}
     *
     * @param option the option's name in messages
     * @param value the value given
     * @param allowed the allowed spellings, in order
     */
    public static IllegalArgumentException unknown(String option, String value, Collection<String> allowed) {
        String quoted = value == null ? "null" : "'" + value + "'";
        String close = closest(value, allowed).map(c -> "; did you mean '" + c + "'?").orElse(";");
        return new IllegalArgumentException("unknown " + option + " " + quoted + close + " Allowed: "
                + String.join(", ", allowed));
    }

    /**
     * {@return " Did you mean 'x'?" when an allowed spelling is close to {@code value}, else the empty
     * string: for appending to a Keras error text}
     *
     * @param value the value given
     * @param allowed the allowed spellings
     */
    public static String hint(String value, Collection<String> allowed) {
        return closest(value, allowed).map(c -> " Did you mean '" + c + "'?").orElse("");
    }

    /**
     * {@return the allowed spelling closest to {@code value}, ignoring case: the one it is a prefix
     * of (at least two letters), else the nearest within an edit distance of 2 or a third of the
     * spelling's length, and fewer edits than the value has letters; empty when none is that close}
     *
     * @param value the value given
     * @param allowed the allowed spellings
     */
    public static Optional<String> closest(String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        List<String> prefixed = allowed.stream().filter(a -> v.length() >= 2
                && a.toLowerCase(Locale.ROOT).startsWith(v)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.get(0));
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(v, a.toLowerCase(Locale.ROOT));
            if (d <= Math.max(2, a.length() / 3) && d < v.length() && d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
