package io.jdatagen.image;

import java.util.random.RandomGenerator;

/**
 * How far a random transform may go: {@code [-a, a]} from one number or {@code [low, high]} from a
 * pair (the preprocessing RFC's {@code amplitude}, which replaces Keras's {@code rg}, {@code wrg},
 * {@code hrg} and {@code intensity} arguments).
 *
 * @param low the smallest value drawn
 * @param high the largest value drawn
 */
public record Amplitude(double low, double high) {
    /**
     * Checks the range.
     *
     * @param low the smallest value drawn
     * @param high the largest value drawn
     * @throws IllegalArgumentException if a bound is not finite or {@code low > high}
     */
    public Amplitude {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("amplitude must be a finite number >= 0 or a pair low <= high; got ("
                    + low + ", " + high + ")");
        }
    }

    /**
     * {@return the symmetric range {@code [-a, a]}}
     *
     * @param a the amplitude, at least 0
     * @throws IllegalArgumentException if {@code a} is negative or not finite
     */
    public static Amplitude of(double a) {
        if (!(a >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("amplitude must be a finite number >= 0 or a pair low <= high; got "
                    + a);
        }
        return new Amplitude(-a, a);
    }

    /**
     * {@return the range {@code [low, high]}}
     *
     * @param low the smallest value drawn
     * @param high the largest value drawn
     */
    public static Amplitude of(double low, double high) {
        return new Amplitude(low, high);
    }

    /** {@return a uniform draw from the range, as numpy's {@code uniform(low, high)} computes it} */
    double draw(RandomGenerator rng) {
        return low + (high - low) * rng.nextDouble();
    }
}
