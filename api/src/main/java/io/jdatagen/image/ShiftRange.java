package io.jdatagen.image;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Keras's polymorphic {@code width_shift_range} / {@code height_shift_range}:
 * <ul>
 *   <li>a float {@code f}: {@code U(-f, f)}, times the image dimension when {@code f < 1};</li>
 *   <li>an int {@code n}: a whole number of pixels in {@code -(n-1)..n-1};</li>
 *   <li>a list: one element times a random sign, times the dimension when every element is below 1.</li>
 * </ul>
 */
public final class ShiftRange {
    private enum Kind { FLOAT, INT, CHOICES }

    /** No shift. */
    public static final ShiftRange NONE = new ShiftRange(Kind.FLOAT, 0, new double[0]);
    /** The config forms a shift range takes, as messages name them. */
    static final String ALLOWED = "a float, an int or a list of numbers";

    private final Kind kind;
    private final double value;
    private final double[] choices;

    private ShiftRange(Kind kind, double value, double[] choices) {
        this.kind = kind;
        this.value = value;
        this.choices = choices;
    }

    /**
     * {@return Keras's float form: {@code U(-f, f)}, a fraction of the dimension when {@code f < 1},
     * otherwise pixels}
     *
     * @param f the fraction of the size (below 1) or the number of pixels
     * @throws IllegalArgumentException if {@code f} is negative or not finite
     */
    public static ShiftRange of(double f) {
        if (!Double.isFinite(f) || f < 0) {
            throw new IllegalArgumentException("a shift range must be a finite number >= 0; got: " + f);
        }
        return new ShiftRange(Kind.FLOAT, f, new double[0]);
    }

    /**
     * {@return Keras's int form: whole pixels drawn from {@code -(n-1)..n-1}}
     *
     * @param n the count
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static ShiftRange ofInt(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("an integer shift range must be >= 0; got: " + n);
        }
        return new ShiftRange(Kind.INT, n, new double[0]);
    }

    /**
     * {@return Keras's list form: one of {@code values} with a random sign; fractions of the dimension when
     * all are below 1, otherwise pixels}
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public static ShiftRange choices(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("shift range choices must be finite; got: "
                        + Arrays.toString(values));
            }
        }
        return new ShiftRange(Kind.CHOICES, 0, values.clone());
    }

    /** {@return whether Keras would treat the range as truthy, i.e. draw from it} */
    public boolean isActive() {
        return kind == Kind.CHOICES ? choices.length > 0 : value != 0;
    }

    /**
     * Draws a shift in pixels for an axis of length {@code dimension}, in Keras's draw order (element, then
     * sign). Returns 0 without drawing when the range is inactive.
     *
     * @param rng the random source
     * @return the double
     */
    public double draw(RandomGenerator rng, int dimension) {
        if (!isActive()) {
            return 0;
        }
        double shift;
        double max;
        switch (kind) {
            case FLOAT:
                shift = -value + (value - -value) * rng.nextDouble();
                max = value;
                break;
            case INT:
                shift = choose(rng, (int) value) * sign(rng);
                max = value;
                break;
            default:
                shift = choices[choose(rng, choices.length)] * sign(rng);
                max = Arrays.stream(choices).max().orElse(0);
                break;
        }
        return max < 1 ? shift * dimension : shift;
    }

    private static int choose(RandomGenerator rng, int n) {
        return n == 1 ? 0 : rng.nextInt(n);
    }

    private static int sign(RandomGenerator rng) {
        return rng.nextInt(2) == 0 ? -1 : 1;
    }

    /** {@return the JSON form: a double, an int, or a list of doubles} */
    public Object toConfigValue() {
        switch (kind) {
            case FLOAT:
                return value;
            case INT:
                return (int) value;
            default:
                return Arrays.stream(choices).boxed().collect(Collectors.toList());
        }
    }

    /**
     * Reads the JSON form: an {@link Integer} or {@link Long} is the int form, another number the float form,
     * a list the choices.
     *
     * @param v the JSON value
     * @return the shift range
     * @throws IllegalArgumentException naming {@code option} when the value has another type
     */
    public static ShiftRange fromConfigValue(String option, Object v) {
        try {
            if (v == null) {
                return NONE;
            }
            if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                return ofInt(Math.toIntExact(((Number) v).longValue()));
            }
            if (v instanceof Number n) {
                return of(n.doubleValue());
            }
            if (v instanceof List<?> list) {
                double[] values = new double[list.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!(list.get(i) instanceof Number n)) {
                        throw new IllegalArgumentException("list elements must be numbers");
                    }
                    values[i] = n.doubleValue();
                }
                return choices(values);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " must be " + ALLOWED + "; got: " + v + " ("
                    + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(option + " must be " + ALLOWED + "; got: " + v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShiftRange s && s.kind == kind && Double.compare(s.value, value) == 0
                && Arrays.equals(s.choices, choices);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Double.hashCode(value)) * 31 + Arrays.hashCode(choices);
    }

    @Override
    public String toString() {
        return String.valueOf(toConfigValue());
    }
}
