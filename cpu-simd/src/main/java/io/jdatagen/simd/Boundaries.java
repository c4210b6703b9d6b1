package io.jdatagen.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * scipy's boundary rules on float lanes (the same formulas as the reference's
 * {@code ScipyBoundary}, see KERAS-SPEC.md §1.4). After the coordinate map every mode's taps fall in
 * {@code [-1, n]}, where clamping equals scipy's tap map (or carries zero weight); periodic wrap
 * wraps its upper tap to 0 instead.
 */
final class Boundaries {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, FS.vectorShape());
    /** Coordinates are clamped to this magnitude first, so that float-to-int casts cannot overflow. */
    static final float LIMIT = 1e9f;

    private Boundaries() {
    }

    static FloatVector trunc(FloatVector c) {
        return (FloatVector) c.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
    }

    static FloatVector floor(FloatVector c) {
        FloatVector t = trunc(c);
        return t.sub(1f, c.lt(t));
    }

    static IntVector toInt(FloatVector integral) {
        return (IntVector) integral.convert(VectorOperators.F2I, 0);
    }

    /** Half-sample symmetric reflection into [-1, n-1] (scipy's arithmetic, in float). */
    static FloatVector reflect(FloatVector c, int n) {
        if (n == 1) {
            return FloatVector.zero(FS);
        }
        float sz2 = 2f * n;
        VectorMask<Float> veryNegative = c.lt(-sz2);
        FloatVector neg = c.add(trunc(c.neg().div(sz2)).mul(sz2), veryNegative);
        FloatVector small = neg.neg().blend(FloatVector.broadcast(FS, 1e-15f), neg.compare(VectorOperators.GT, -1e-15f))
                .sub(1f);
        neg = neg.add(sz2).blend(small, neg.compare(VectorOperators.GE, (float) -n));
        FloatVector pos = c.sub(trunc(c.div(sz2)).mul(sz2));
        pos = pos.blend(FloatVector.broadcast(FS, sz2 - 1f).sub(pos), pos.compare(VectorOperators.GE, (float) n));
        return c.blend(neg, c.lt(0f)).blend(pos, c.compare(VectorOperators.GT, (float) (n - 1)));
    }

    /** scipy's wrap, period n-1, into [0, n-1]. */
    static FloatVector wrapScipy(FloatVector c, int n) {
        if (n == 1) {
            return FloatVector.zero(FS);
        }
        float p = n - 1;
        FloatVector neg = c.add(trunc(c.neg().div(p)).add(1f).mul(p));
        FloatVector pos = c.sub(trunc(c.div(p)).mul(p));
        return c.blend(neg, c.lt(0f)).blend(pos, c.compare(VectorOperators.GT, p));
    }

    /** Periodic wrap with period n, into [0, n). */
    static FloatVector wrapPeriodic(FloatVector c, int n) {
        FloatVector r = c.sub(floor(c.div((float) n)).mul((float) n));
        return r.blend(FloatVector.zero(FS), r.compare(VectorOperators.GE, (float) n));
    }

    /** Taps clamped to [0, n-1]. */
    static IntVector clamp(IntVector s, int n) {
        return s.max(0).min(n - 1);
    }

    /** Periodic taps: n wraps to 0 (inputs lie in [0, n]). */
    static IntVector wrapTap(IntVector s, int n) {
        return s.blend(0, s.compare(VectorOperators.GE, n)).max(0);
    }
}
