package io.jdatagen.spi.scalar;

/**
 * scipy's boundary rules on one float coordinate: the one-lane form of the {@code simd} backend's
 * vector boundary maps, the same float operations in the same order (a division, a truncating cast,
 * a multiply and a separate add), so that both backends map every coordinate to the same float. The
 * formulas are those of the reference's {@code ScipyBoundary}, in float. After the map every mode's
 * taps fall in {@code [-1, n]}.
 */
final class LaneBoundaries {
    /** Coordinates are clamped to this magnitude first, so that float-to-int casts cannot overflow. */
    static final float LIMIT = 1e9f;

    private LaneBoundaries() {
    }

    /** The value of {@code x} truncated toward zero, as a float (the vector code's F2I then I2F). */
    static float truncate(float x) {
        return (float) (int) x;
    }

    /**
     * Half-sample symmetric reflection (scipy's {@code reflect}, {@code grid-mirror}) into [-1, n-1]. A
     * coordinate in {@code [0, n-1]} is returned as it is, and one in {@code [-2n, 2n)} skips the two divisions:
     * there the negative side adds nothing (it adds only below -2n) and {@code c / 2n} truncates to zero on
     * the positive side (a correctly rounded quotient of {@code c < 2n} stays below 1), so {@code c - 0} is
     * {@code c}; the same bits either way, as in the vector form.
     */
    static float reflect(float c, int n) {
        if (n == 1) {
            return 0f;
        }
        if (c >= 0f && c <= (float) (n - 1)) {
            return c;
        }
        float sz2 = 2f * n;
        float neg = c;
        float pos = c;
        if (!(c >= -sz2 && c < sz2)) {
            float tq = truncate(-c / sz2);
            neg = c < -sz2 ? c + tq * sz2 : c;
            float tp = truncate(c / sz2);
            pos = c - tp * sz2;
        }
        float small = (neg > -1e-15f ? 1e-15f : -neg) - 1f;
        neg = neg >= (float) -n ? small : neg + sz2;
        pos = pos >= (float) n ? -pos + (sz2 - 1f) : pos;
        return c > (float) (n - 1) ? pos : c < 0f ? neg : c;
    }

    /** scipy's {@code wrap} (period n-1) into [0, n-1]. */
    static float wrapScipy(float c, int n) {
        if (n == 1) {
            return 0f;
        }
        float period = n - 1;
        float tn = truncate(-c / period);
        float neg = c + (tn + 1f) * period;
        float tp = truncate(c / period);
        float pos = c - tp * period;
        return c > period ? pos : c < 0f ? neg : c;
    }

    /**
     * scipy's {@code mirror} (whole-sample symmetric, period 2n-2) into [0, n-1], coordinates in
     * (n-1, n) folded to {@code 2n-2-c} (the same taps and weights as scipy's).
     */
    static float mirror(float c, int n) {
        if (n == 1) {
            return 0f;
        }
        float sz2 = 2f * n - 2f;
        float tn = truncate(-c / sz2);
        float neg = tn * sz2 + c;
        neg = neg <= 1f - n ? neg + sz2 : -neg;
        float tp = truncate(c / sz2);
        float pos = c - tp * sz2;
        pos = pos >= (float) n ? -pos + sz2 : pos;
        float m = c > (float) (n - 1) ? pos : c < 0f ? neg : c;
        return m > (float) (n - 1) ? -m + sz2 : m;
    }

    /** Periodic wrap (period n: {@code grid-wrap}, and {@code wrap} under the periodic convention) into [0, n). */
    static float wrapPeriodic(float c, int n) {
        float q = c / (float) n;
        float t = truncate(q);
        float f = q < t ? t - 1f : t;
        float r = c - f * (float) n;
        return r >= (float) n ? 0f : r;
    }
}
