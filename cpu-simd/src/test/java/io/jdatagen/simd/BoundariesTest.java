package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.core.FillMode;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ScipyBoundary;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lane boundary maps give the reference's scipy maps (to float rounding). */
class BoundariesTest {
    /** scipy's map, with (n-1, n) folded below n-1 (same taps and weights, see {@link Boundaries#mirror}). */
    @Test
    void mirrorMatchesScipysMirror() {
        int lanes = Boundaries.FS.length();
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 3, 7, 15}) {
            for (int trial = 0; trial < 200; trial++) {
                float[] coords = new float[lanes];
                for (int k = 0; k < lanes; k++) {
                    coords[k] = (float) r.nextDouble(-4 * n - 3, 5 * n + 3);
                }
                float[] mapped = coords.clone();
                Boundaries.mirror(mapped, 0, n);
                for (int k = 0; k < lanes; k++) {
                    double want = ScipyBoundary.mapCoordinate(coords[k], n, FillMode.MIRROR, WrapConvention.SCIPY);
                    want = want > n - 1 ? 2.0 * n - 2 - want : want;
                    assertEquals(want, mapped[k], 1e-4 * Math.max(1, Math.abs(coords[k])),
                            "mirror of " + coords[k] + " on " + n);
                }
            }
        }
    }
}
