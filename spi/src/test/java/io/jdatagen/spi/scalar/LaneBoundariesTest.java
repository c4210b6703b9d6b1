package io.jdatagen.spi.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.core.FillMode;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ScipyBoundary;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-lane boundary maps against their formulas and scipy's. */
class LaneBoundariesTest {
    /**
     * Reflect's shortcuts (a coordinate inside returned as it is, one within two periods without the divisions)
     * give the bits of the formula that always divides, and both are scipy's reflection.
     */
    @Test
    void reflectShortcutsGiveTheBitsOfTheDividingFormula() {
        SplittableRandom r = new SplittableRandom(13);
        int cases = 0;
        for (int n : new int[] {1, 2, 3, 7, 15, 224, 1000}) {
            float[] edges = {-2f * n, Math.nextUp(-2f * n), Math.nextDown(-2f * n), Math.nextDown(2f * n), 2f * n,
                -n, Math.nextDown((float) -n), Math.nextUp((float) -n), n - 1, Math.nextUp(n - 1f),
                Math.nextDown(n - 1f), Math.nextDown((float) n), n, -1f, Math.nextUp(-1f), -0f, 0f, -1e-20f, -5e-16f,
                -1e-15f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e9f, -1e9f, 5f * n + 0.25f, Float.NaN};
            for (int trial = 0; trial < 4000; trial++) {
                float c = trial < edges.length ? edges[trial]
                        : trial % 3 == 0 ? (float) r.nextDouble(-8.0 * n, 8.0 * n)
                        : (float) r.nextDouble(-2.0 * n, 2.0 * n);
                float want = dividing(c, n);
                float got = LaneBoundaries.reflect(c, n);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), "reflect of " + c + " on " + n);
                if (!Float.isNaN(c)) {
                    double scipy = ScipyBoundary.mapCoordinate(c, n, FillMode.REFLECT, WrapConvention.SCIPY);
                    assertEquals(scipy, got, 1e-4 * Math.max(1, Math.abs(c)), "reflect of " + c + " on " + n);
                }
                cases++;
            }
        }
        assertEquals(7 * 4000, cases);
    }

    /** Reflect's formula with both divisions whatever the coordinate. */
    private static float dividing(float c, int n) {
        if (n == 1) {
            return 0f;
        }
        float sz2 = 2f * n;
        float tq = LaneBoundaries.truncate(-c / sz2);
        float neg = c < -sz2 ? c + tq * sz2 : c;
        float small = (neg > -1e-15f ? 1e-15f : -neg) - 1f;
        neg = neg >= (float) -n ? small : neg + sz2;
        float tp = LaneBoundaries.truncate(c / sz2);
        float pos = c - tp * sz2;
        pos = pos >= (float) n ? -pos + (sz2 - 1f) : pos;
        return c > (float) (n - 1) ? pos : c < 0f ? neg : c;
    }
}
