package io.jdatagen.spi;

/** Interpolation used by the warp kernel, identified by its spline order. */
public enum Interpolation {
    /** Order 0: the nearest sample, rounding half up ({@code floor(c + 0.5)}). */
    NEAREST(0),
    /** Order 1: bilinear interpolation from the two neighbouring samples on each axis. */
    BILINEAR(1);

    private final int order;

    Interpolation(int order) {
        this.order = order;
    }

    /** {@return the spline order (0 or 1)} */
    public int order() {
        return order;
    }

    /**
     * {@return the interpolation for a spline order}
     *
     * @param order the order
     * @throws IllegalArgumentException naming the order and the supported ones
     */
    public static Interpolation fromOrder(int order) {
        for (Interpolation i : values()) {
            if (i.order == order) {
                return i;
            }
        }
        throw new IllegalArgumentException("interpolation_order must be 0 (nearest) or 1 (bilinear);"
                + " got: " + order + " (B-spline orders 2-5 are not supported)");
    }
}
