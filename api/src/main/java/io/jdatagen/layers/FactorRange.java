package io.jdatagen.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code [lower, upper]} argument read as Keras's {@code _set_factor} reads {@code factor} (and its copy
 * {@code _set_factor_by_name} reads {@code scale} and {@code sigma}): a number {@code f} in the bounds
 * means {@code [max(-|f|, lowerBound), |f|]}, a list of two numbers is sorted; the numbers are kept as
 * given (an integer stays an integer) so that the config writes them back as Keras does.
 *
 * @param lower the smaller end
 * @param upper the larger end
 */
record FactorRange(Number lower, Number upper) {
    /**
     * {@return the range {@code factor} describes}
     *
     * @param factor a number or a list of two numbers
     * @param name the argument's name in the message
     * @param lowerBound the smallest value Keras allows ({@code _FACTOR_BOUNDS[0]})
     * @param upperBound the largest value Keras allows ({@code _FACTOR_BOUNDS[1]})
     * @throws IllegalArgumentException with Keras's message for anything else
     */
    static FactorRange of(Object factor, String name, int lowerBound, int upperBound) {
        String message = "The `" + name + "` argument should be a number (or a list of two numbers) in the range ["
                + lowerBound + ", " + upperBound + "]. Received: factor=" + factor;
        if (factor instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(0) instanceof Number a) || !(list.get(1) instanceof Number b)) {
                throw new IllegalArgumentException(message);
            }
            if (a.doubleValue() > upperBound || b.doubleValue() < lowerBound) {
                throw new IllegalArgumentException(message);
            }
            return a.doubleValue() <= b.doubleValue() ? new FactorRange(a, b) : new FactorRange(b, a);
        }
        if (factor instanceof Number f) {
            double v = f.doubleValue();
            if (v < lowerBound || v > upperBound) {
                throw new IllegalArgumentException(message);
            }
            Number upper = abs(f);
            Number lower = -upper.doubleValue() < lowerBound ? (Number) lowerBound : negate(upper);
            return new FactorRange(lower, upper);
        }
        throw new IllegalArgumentException(message);
    }

    private static Number abs(Number f) {
        return f instanceof Integer i ? (Number) Math.abs(i) : (Number) Math.abs(f.doubleValue());
    }

    private static Number negate(Number f) {
        return f instanceof Integer i ? (Number) (-i) : (Number) (-f.doubleValue());
    }

    /** {@return the range as a config holds it: a list of the two numbers} */
    List<Object> toList() {
        List<Object> l = new ArrayList<>(2);
        l.add(lower);
        l.add(upper);
        return l;
    }

    /** {@return the smaller end as a float32, as Keras's draws read it} */
    float low() {
        return lower.floatValue();
    }

    /** {@return the larger end as a float32, as Keras's draws read it} */
    float high() {
        return upper.floatValue();
    }
}
