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

    /**
     * A chunk inside one period each way ({@code [-2n, 2n)}) skips the divisions; each lane keeps the bits it
     * gets in a chunk whose other lane lies far out (which takes them), and both are scipy's reflection.
     */
    @Test
    void reflectWithinOnePeriodGivesTheBitsOfTheDividingPath() {
        int lanes = Boundaries.FS.length();
        SplittableRandom r = new SplittableRandom(9);
        for (int n : new int[] {2, 3, 7, 15, 224}) {
            float[] edges = {-2f * n, Math.nextDown(2f * n), -n, -n - 0.5f, n - 1, n, -1f, -0f, 0f, -1e-20f};
            for (int trial = 0; trial < 200; trial++) {
                float[] coords = new float[lanes];
                for (int k = 0; k < lanes; k++) {
                    coords[k] = r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)]
                            : (float) r.nextDouble(-2.0 * n, 2.0 * n);
                }
                float[] inside = coords.clone();
                Boundaries.reflect(inside, 0, n);
                for (int k = 0; k < lanes; k++) {
                    float[] mixed = coords.clone();
                    mixed[(k + 1) % lanes] = 5f * n + 0.25f;
                    Boundaries.reflect(mixed, 0, n);
                    assertEquals(Float.floatToRawIntBits(mixed[k]), Float.floatToRawIntBits(inside[k]),
                            "reflect of " + coords[k] + " on " + n);
                    double want = ScipyBoundary.mapCoordinate(coords[k], n, FillMode.REFLECT, WrapConvention.SCIPY);
                    assertEquals(want, inside[k], 1e-4 * Math.max(1, Math.abs(coords[k])),
                            "reflect of " + coords[k] + " on " + n);
                }
            }
        }
    }
}
