package io.jdatagen.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * scipy's boundary rules on float lanes (the formulas of the reference's {@code ScipyBoundary}),
 * applied in place to one chunk of a coordinate array. After the map every
 * mode's taps fall in {@code [-1, n]}, where clamping equals scipy's tap map or carries zero
 * weight; periodic wrap sends its upper tap n to 0 instead.
 *
 * <p>Every method takes and returns arrays and scalars only: C2 does not inline compiled vector
 * methods reliably, and a vector that crosses a non-inlined call is boxed on the heap.
 */
final class Boundaries {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, FS.vectorShape());
    /** Coordinates are clamped to this magnitude first, so that float-to-int casts cannot overflow. */
    static final float LIMIT = 1e9f;

    private Boundaries() {
    }

    /**
     * Half-sample symmetric reflection of {@code c[j..j+L)} into [-1, n-1]. When every lane lies in
     * {@code [-2n, 2n)} (a warp's coordinates almost always do) the two divisions are skipped: there the
     * negative side adds nothing (it adds only below -2n) and {@code c / 2n} truncates to zero on the
     * positive side (a correctly rounded quotient of {@code c < 2n} stays below 1), so {@code c - 0} is
     * {@code c}, the same bits either way.
     */
    static void reflect(float[] coords, int j, int n) {
        FloatVector c = FloatVector.fromArray(FS, coords, j);
        if (n == 1) {
            FloatVector.zero(FS).intoArray(coords, j);
            return;
        }
        float sz2 = 2f * n;
        FloatVector neg = c;
        FloatVector pos = c;
        if (!c.compare(VectorOperators.GE, -sz2).and(c.lt(sz2)).allTrue()) {
            FloatVector q = c.neg().div(sz2);
            FloatVector tq = (FloatVector) q.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
            neg = c.add(tq.mul(sz2), c.lt(-sz2));
            FloatVector p = c.div(sz2);
            FloatVector tp = (FloatVector) p.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
            pos = c.sub(tp.mul(sz2));
        }
        FloatVector small = neg.neg().blend(1e-15f, neg.compare(VectorOperators.GT, -1e-15f)).sub(1f);
        neg = neg.add(sz2).blend(small, neg.compare(VectorOperators.GE, (float) -n));
        pos = pos.blend(pos.neg().add(sz2 - 1f), pos.compare(VectorOperators.GE, (float) n));
        c.blend(neg, c.lt(0f)).blend(pos, c.compare(VectorOperators.GT, (float) (n - 1))).intoArray(coords, j);
    }

    /** scipy's wrap (period n-1) of {@code c[j..j+L)} into [0, n-1]. */
    static void wrapScipy(float[] coords, int j, int n) {
        FloatVector c = FloatVector.fromArray(FS, coords, j);
        if (n == 1) {
            FloatVector.zero(FS).intoArray(coords, j);
            return;
        }
        float period = n - 1;
        FloatVector qn = c.neg().div(period);
        FloatVector tn = (FloatVector) qn.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector neg = c.add(tn.add(1f).mul(period));
        FloatVector qp = c.div(period);
        FloatVector tp = (FloatVector) qp.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector pos = c.sub(tp.mul(period));
        c.blend(neg, c.lt(0f)).blend(pos, c.compare(VectorOperators.GT, period)).intoArray(coords, j);
    }

    /**
     * scipy's mirror (whole-sample symmetric, period 2n-2) of {@code c[j..j+L)} into [0, n-1]. scipy's
     * own map leaves coordinates in (n-1, n) and mirrors their upper tap; they are folded here to
     * {@code 2n-2-c}, which has the same taps and weights.
     */
    static void mirror(float[] coords, int j, int n) {
        FloatVector c = FloatVector.fromArray(FS, coords, j);
        if (n == 1) {
            FloatVector.zero(FS).intoArray(coords, j);
            return;
        }
        float sz2 = 2f * n - 2f;
        FloatVector qn = c.neg().div(sz2);
        FloatVector tn = (FloatVector) qn.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector neg = tn.mul(sz2).add(c);
        neg = neg.neg().blend(neg.add(sz2), neg.compare(VectorOperators.LE, 1f - n));
        FloatVector qp = c.div(sz2);
        FloatVector tp = (FloatVector) qp.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector pos = c.sub(tp.mul(sz2));
        pos = pos.blend(pos.neg().add(sz2), pos.compare(VectorOperators.GE, (float) n));
        FloatVector m = c.blend(neg, c.lt(0f)).blend(pos, c.compare(VectorOperators.GT, (float) (n - 1)));
        m.blend(m.neg().add(sz2), m.compare(VectorOperators.GT, (float) (n - 1))).intoArray(coords, j);
    }

    /** Periodic wrap (period n) of {@code c[j..j+L)} into [0, n). */
    static void wrapPeriodic(float[] coords, int j, int n) {
        FloatVector c = FloatVector.fromArray(FS, coords, j);
        FloatVector q = c.div((float) n);
        FloatVector t = (FloatVector) q.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector f = t.sub(1f, q.lt(t));
        FloatVector r = c.sub(f.mul((float) n));
        r.blend(0f, r.compare(VectorOperators.GE, (float) n)).intoArray(coords, j);
    }

    /** Whether {@code c[j..j+L)} lies inside both axes (constant mode), stored as 1/0 floats. */
    static void inside(float[] rows, float[] cols, int j, int n0, int n1, float[] out) {
        FloatVector c0 = FloatVector.fromArray(FS, rows, j);
        FloatVector c1 = FloatVector.fromArray(FS, cols, j);
        VectorMask<Float> in = c0.compare(VectorOperators.GE, 0f).and(c0.compare(VectorOperators.LE, n0 - 1f))
                .and(c1.compare(VectorOperators.GE, 0f)).and(c1.compare(VectorOperators.LE, n1 - 1f));
        FloatVector.zero(FS).blend(1f, in).intoArray(out, j);
    }
}
