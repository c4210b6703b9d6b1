package io.jdatagen.core;

/**
 * Interpolation used by the warp kernel, identified by its spline order: scipy's
 * {@code affine_transform(order=k)}, orders 2 to 5 with its B-spline prefilter.
 */
public enum Interpolation {
    /** Order 0: the nearest sample, rounding half up ({@code floor(c + 0.5)}). */
    NEAREST(0),
    /** Order 1: bilinear interpolation from the two neighbouring samples on each axis. */
    BILINEAR(1),
    /** Order 2: quadratic B-spline on prefiltered coefficients (three taps per axis). */
    QUADRATIC(2),
    /** Order 3: cubic B-spline on prefiltered coefficients (four taps per axis). */
    CUBIC(3),
    /** Order 4: quartic B-spline on prefiltered coefficients (five taps per axis). */
    QUARTIC(4),
    /** Order 5: quintic B-spline on prefiltered coefficients (six taps per axis). */
    QUINTIC(5);

    private final int order;

    Interpolation(int order) {
        this.order = order;
    }

    /** {@return the spline order, 0 to 5} */
    public int order() {
        return order;
    }

    /**
     * {@return the interpolation for a spline order}
     *
     * @throws IllegalArgumentException naming the order and the supported ones
     */
    public static Interpolation fromOrder(int order) {
        for (Interpolation i : values()) {
            if (i.order == order) {
                return i;
            }
        }
        throw new IllegalArgumentException("interpolation_order must be an integer from 0 to 5 (0 nearest,"
                + " 1 bilinear, 2-5 B-splines); got: " + order);
    }
}
