package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link KerasPipeline#apply(Tensor, List, List, long, int)}: keypoints follow the pixels. A keypoint on the
 * centre of a single bright pixel must land where the pixel's light lands: bilinear interpolation lights an
 * output pixel only where its inverse image falls within one pixel (per axis) of the bright one, so every lit
 * output pixel lies inside the image of that 2×2 square, which the four square corners, carried as keypoints,
 * span.
 */
class KerasPipelineKeypointsTest {
    private static final int H = 20;
    private static final int W = 24;

    private static KerasPipeline pipeline(KerasPipeline.Mode mode, KerasLayer... layers) {
        return KerasPipeline.builder().layers(layers).mode(mode).backend(new ReferenceBackend()).build();
    }

    private static KerasLayer[] geometricLayers() {
        return new KerasLayer[] {new RandomFlip("horizontal_and_vertical", null, null),
            new RandomRotation(new double[] {-0.3, 0.3}, "constant", "bilinear", null, 0, null),
            new RandomTranslation(new double[] {-0.3, 0.3}, new double[] {-0.3, 0.3}, "constant", "bilinear", null,
                    0, null),
            new RandomZoom(new double[] {-0.4, 0.4}, null, "constant", "bilinear", null, 0, null),
            new RandomShear(new double[] {0, 0.3}, new double[] {0, 0.3}, "bilinear", "constant", 0, null,
                    null),
            new CenterCrop(16, 18)};
    }

    /** The bright pixel's centre, then the corners of its bilinear reach, as keypoints. */
    private static Keypoints probe(int row, int col) {
        double x = col + 0.5;
        double y = row + 0.5;
        return Keypoints.of(new double[][] {{x, y}, {x - 1, y - 1}, {x + 1, y - 1}, {x + 1, y + 1}, {x - 1, y + 1}},
                new int[] {2, 2, 2, 2, 2});
    }

    private static Tensor bright(int row, int col) {
        Tensor t = Tensor.zeros(1, H, W, 1);
        t.data()[row * W + col] = 255;
        return t;
    }

    @Test
    void aBrightPixelLandsWhereItsKeypointGoesEachLayerAloneAndFused() {
        List<KerasPipeline> pipelines = new ArrayList<>();
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            for (KerasLayer layer : geometricLayers()) {
                pipelines.add(pipeline(mode, layer));
            }
        }
        pipelines.add(pipeline(KerasPipeline.Mode.FUSED, geometricLayers()));
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            // not affine: a square's image is still the convex quadrilateral its mapped corners span; a flip before
            // it moves pixels exactly, a second resampling after it would widen the reach beyond the probe's square
            pipelines.add(pipeline(mode, RandomPerspective.fromConfig(java.util.Map.of("scale", 0.6,
                    "fill_value", 0.0))));
            pipelines.add(pipeline(mode, new RandomFlip("horizontal_and_vertical", null, null),
                    RandomPerspective.fromConfig(java.util.Map.of("scale", 0.6, "fill_value", 0.0))));
        }
        SplittableRandom rng = new SplittableRandom(3);
        int checked = 0;
        for (KerasPipeline p : pipelines) {
            for (int seed = 0; seed < 40; seed++) {
                int row = rng.nextInt(H);
                int col = rng.nextInt(W);
                ImagesAndKeypoints out = p.apply(bright(row, col), null, List.of(probe(row, col)), seed, 0);
                checked += checkLight(out.images(), out.keypoints().get(0), p.layers() + " seed " + seed);
            }
        }
        assertTrue(checked > 300, "too few visible probes: " + checked);
    }

    /** Asserts the light lies in the mapped reach; returns 1 when the probe stayed visible. */
    private static int checkLight(Tensor image, Keypoints k, String what) {
        int h = image.dim(1);
        int w = image.dim(2);
        double mass = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                float v = image.data()[r * w + c];
                if (v > 1e-3) {
                    mass += v;
                    assertTrue(inside(k, c + 0.5, r + 0.5), what + ": pixel (" + r + ", " + c + ") lit outside "
                            + k);
                }
            }
        }
        boolean visible = k.visibility(0) != Keypoints.OUTSIDE;
        double[] centre = k.point(0);
        assertEquals(centre[0] >= 0 && centre[0] < w && centre[1] >= 0 && centre[1] < h, visible, what);
        boolean reachInside = true;
        boolean reachOutside = true;
        for (int i = 1; i < 5; i++) {
            double[] q = k.point(i);
            boolean in = q[0] >= 1 && q[0] <= w - 1 && q[1] >= 1 && q[1] <= h - 1;
            reachInside &= in;
            reachOutside &= k.visibility(i) == Keypoints.OUTSIDE && (q[0] < 0 || q[0] > w || q[1] < 0 || q[1] > h);
        }
        if (reachInside) {
            assertTrue(visible && mass > 0, what + ": the reach is inside the image but no light: " + k);
        }
        return visible ? 1 : 0;
    }

    /** Whether {@code (x, y)} lies in the quadrilateral of points 1 to 4 (convex, either orientation). */
    private static boolean inside(Keypoints k, double x, double y) {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            double[] a = k.point(1 + i);
            double[] b = k.point(1 + (i + 1) % 4);
            double cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
            if (Math.abs(cross) < 1e-9) {
                continue;
            }
            int s = cross > 0 ? 1 : -1;
            if (sign != 0 && s != sign) {
                return false;
            }
            sign = s;
        }
        return true;
    }

    @Test
    void referenceModeMapsTheSamePointsAndMarksAtLeastWhatFusedMarks() {
        KerasPipeline fused = pipeline(KerasPipeline.Mode.FUSED, geometricLayers());
        KerasPipeline reference = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, geometricLayers());
        Tensor images = Tensor.zeros(8, H, W, 1);
        List<Keypoints> in = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 8; i++) {
            double[][] pts = new double[6][];
            for (int j = 0; j < pts.length; j++) {
                pts[j] = new double[] {rng.nextDouble(-2, W + 2), rng.nextDouble(-2, H + 2)};
            }
            in.add(Keypoints.of(pts, new int[] {2, 2, 1, 2, 2, 0}));
        }
        for (int seed = 0; seed < 10; seed++) {
            List<Keypoints> f = fused.apply(images, null, in, seed, 1).keypoints();
            List<Keypoints> r = reference.apply(images, null, in, seed, 1).keypoints();
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 6; j++) {
                    double[] a = f.get(i).point(j);
                    double[] b = r.get(i).point(j);
                    assertEquals(a[0], b[0], 1e-9);
                    assertEquals(a[1], b[1], 1e-9);
                    int vf = f.get(i).visibility(j);
                    int vr = r.get(i).visibility(j);
                    assertTrue(vr == vf || vr == Keypoints.OUTSIDE, "reference keeps a point fused marks");
                }
            }
        }
    }

    @Test
    void boxesAndKeypointsTogetherEqualEachAlone() {
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, geometricLayers());
        Tensor images = Tensor.zeros(2, H, W, 1);
        List<BoundingBoxes> boxes = List.of(BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{2, 3, 10, 12}},
                new int[] {1}), BoundingBoxes.empty(BoxFormat.XYXY));
        List<Keypoints> points = List.of(probe(4, 5), Keypoints.empty());
        ImagesAndKeypoints both = p.apply(images, boxes, points, 4, 0);
        assertEquals(p.apply(images, boxes, 4, 0).boxes(), both.boxes());
        assertEquals(p.apply(images, null, points, 4, 0).keypoints(), both.keypoints());
        assertEquals(List.of(), p.apply(images, null, points, 4, 0).boxes());
    }

    /**
     * A swap map rides through the pipeline: where RandomFlip mirrored a sample (its bright pixel moved to the
     * mirrored column), the left and right points are exchanged; where it did not, they stay; both modes.
     */
    @Test
    void theSwapMapExchangesPartnersExactlyWhereTheFlipMirrored() {
        int flipped = 0;
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = pipeline(mode, new RandomFlip("horizontal", null, null));
            Keypoints eyes = Keypoints.of(new double[][] {{3.5, 5.5}, {9.5, 5.5}, {6.5, 8.5}}, new int[] {2, 1, 2})
                    .withMirrorSwap(new int[] {1, 0, 2});
            for (int seed = 0; seed < 20; seed++) {
                ImagesAndKeypoints out = p.apply(bright(5, 3), null, List.of(eyes), seed, 0);
                boolean mirrored = out.images().data()[5 * W + (W - 1 - 3)] > 0;
                Keypoints k = out.keypoints().get(0);
                if (mirrored) {
                    flipped++;
                    assertEquals(List.of(W - 9.5, 5.5, 1), List.of(k.point(0)[0], k.point(0)[1], k.visibility(0)));
                    assertEquals(List.of(W - 3.5, 5.5, 2), List.of(k.point(1)[0], k.point(1)[1], k.visibility(1)));
                    assertEquals(W - 6.5, k.point(2)[0]);
                } else {
                    assertEquals(eyes, k);
                }
            }
        }
        assertTrue(flipped > 5 && flipped < 35, "both outcomes drawn: " + flipped + " of 40 flipped");
    }

    @Test
    void refusesAWrongCountAndLayersThatMovePixelsOutsideTheWarp() {
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, new RandomFlip());
        assertEquals("keypoints must hold one entry per image: 2; got 1", assertThrows(IllegalArgumentException.class,
                () -> p.apply(Tensor.zeros(2, H, W, 1), null, List.of(Keypoints.empty()), 0, 0)).getMessage());
        KerasPipeline randAugment = pipeline(KerasPipeline.Mode.FUSED, new RandAugment(null, 2, null, null, null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> randAugment.apply(Tensor.zeros(1, H, W, 1),
                null, List.of(Keypoints.empty()), 0, 0)).getMessage().startsWith("keypoints cannot follow"));
    }
}
