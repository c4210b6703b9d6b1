package io.jdatagen.boxes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.augment.Geometry;
import org.junit.jupiter.api.Test;

/** {@link Keypoints}: the forward map, visibility off the image, the mirror swap map, COCO's flat form. */
class KeypointsTest {
    private static final double[][] POINTS = {{1.5, 2.5}, {8, 0.25}, {3, 5.5}};

    @Test
    void aHorizontalFlipSendsXToWidthMinusXAndSwapsNothingWithoutAMap() {
        Keypoints k = Keypoints.of(POINTS, new int[] {2, 1, 2});
        Keypoints flipped = k.transform(Geometry.flip(false, true, 6, 10).forward(), 6, 10);
        assertArrayEquals(new double[] {8.5, 2.5}, flipped.point(0), 1e-12);
        assertArrayEquals(new double[] {2, 0.25}, flipped.point(1), 1e-12);
        assertArrayEquals(new double[] {7, 5.5}, flipped.point(2), 1e-12);
        assertArrayEquals(new int[] {2, 1, 2}, flipped.visibilities());
        Keypoints v = k.transform(Geometry.flip(true, false, 6, 10).forward(), 6, 10);
        assertArrayEquals(new double[] {1.5, 3.5}, v.point(0), 1e-12);
    }

    @Test
    void aMirroringMapSwapsPartnersPerBlockAndTwoFlipsSwapBack() {
        double[][] two = {{1, 1}, {2, 1}, {3, 1}, {1, 4}, {2, 4}, {3, 4}};
        Keypoints k = Keypoints.of(two, new int[] {2, 2, 1, 2, 0, 2}).withMirrorSwap(new int[] {2, 1, 0});
        double[] flip = Geometry.flip(false, true, 6, 10).forward();
        Keypoints once = k.transform(flip, 6, 10);
        assertArrayEquals(new double[] {7, 1}, once.point(0), 1e-12);
        assertArrayEquals(new double[] {9, 1}, once.point(2), 1e-12);
        assertArrayEquals(new double[] {7, 4}, once.point(3), 1e-12);
        assertArrayEquals(new int[] {1, 2, 2, 2, 0, 2}, once.visibilities());
        assertEquals(k, once.transform(flip, 6, 10));
        Keypoints rotated = k.transform(Geometry.flip(true, true, 6, 10).forward(), 6, 10);
        assertArrayEquals(new double[] {9, 5}, rotated.point(0), 1e-12);
    }

    @Test
    void pointsLeavingTheImageAreMarkedNotDropped() {
        Keypoints k = Keypoints.of(POINTS, new int[] {2, 1, 2});
        Keypoints shifted = k.transform(new double[] {1, 0, 0, 0, 1, 7}, 6, 10);
        assertEquals(3, shifted.size());
        assertArrayEquals(new double[] {15, 0.25}, shifted.point(1), 1e-12);
        assertArrayEquals(new int[] {2, Keypoints.OUTSIDE, Keypoints.OUTSIDE}, shifted.visibilities());
    }

    @Test
    void cocosFlatFormRoundTripsAndBadInputIsNamed() {
        double[] flat = {1, 2, 2, 3.5, 4, 0};
        assertArrayEquals(flat, Keypoints.ofFlat(flat).toFlat());
        assertEquals("a flat keypoint list must hold (x, y, visibility) triples; got 4 numbers",
                assertThrows(IllegalArgumentException.class, () -> Keypoints.ofFlat(new double[4])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Keypoints.of(new double[][] {{1, Double.NaN}},
                new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Keypoints.of(POINTS, new int[] {2}));
        Keypoints k = Keypoints.of(POINTS, new int[] {2, 1, 2});
        assertThrows(IllegalArgumentException.class, () -> k.withMirrorSwap(new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> k.withMirrorSwap(new int[] {1, 2, 0}));
        assertThrows(IllegalArgumentException.class, () -> k.transform(new double[5], 6, 10));
    }

    /**
     * The projective map: an affine homography gives what {@link Keypoints#transform} gives (the same map written
     * over {@code (column, row)}), a true perspective divides by {@code z}, a point sent behind the horizon is
     * marked, a mirroring homography swaps partners, and a malformed matrix is refused.
     */
    @Test
    void theProjectiveMapDividesByZAndMarksAndSwapsAsTheAffineOne() {
        Keypoints k = Keypoints.of(POINTS, new int[] {2, 1, 2});
        // columns doubled and shifted by 1, rows shifted by -2: affine {a00, a01, t0, a10, a11, t1} over (row, column)
        double[][] h = {{2, 0, 1}, {0, 1, -2}, {0, 0, 1}};
        Keypoints projective = k.transformProjective(h, 6, 10);
        Keypoints affine = k.transform(new double[] {1, 0, -2, 0, 2, 1}, 6, 10);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(affine.point(i), projective.point(i), 1e-12);
        }
        assertArrayEquals(affine.visibilities(), projective.visibilities());
        // z = 1 + column / 4: point 0 (index (1, 2)) goes to (1 / 1.25, 2 / 1.25) + 0.5
        double[][] perspective = {{1, 0, 0}, {0, 1, 0}, {0.25, 0, 1}};
        assertArrayEquals(new double[] {1 / 1.25 + 0.5, 2 / 1.25 + 0.5},
                k.transformProjective(perspective, 6, 10).point(0), 1e-12);
        double[][] horizon = {{1, 0, 0}, {0, 1, 0}, {-0.5, 0, 1}};
        assertArrayEquals(new int[] {2, Keypoints.OUTSIDE, Keypoints.OUTSIDE},
                k.transformProjective(horizon, 6, 10).visibilities(), "z <= 0 for columns from 2 on");
        Keypoints paired = Keypoints.of(POINTS, new int[] {2, 1, 2}).withMirrorSwap(new int[] {2, 1, 0});
        Keypoints mirrored = paired.transformProjective(new double[][] {{-1, 0, 9}, {0, 1, 0}, {0, 0, 1}}, 6, 10);
        assertArrayEquals(new double[] {10 - 3, 5.5}, mirrored.point(0), 1e-12);
        assertArrayEquals(new double[] {10 - 1.5, 2.5}, mirrored.point(2), 1e-12);
        assertEquals("forward must be 3 x 3 finite numbers; got [[1.0, 0.0], [0.0, 1.0]]",
                assertThrows(IllegalArgumentException.class, () -> k.transformProjective(
                        new double[][] {{1, 0}, {0, 1}}, 6, 10)).getMessage());
    }
}
