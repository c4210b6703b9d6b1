package io.jdatagen.boxes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The box vocabulary: names, conversions' contracts, clipping, the affine map and the dense form. */
class BoundingBoxesTest {
    private static final double[][] BOXES = {{0, 0, 3, 2}, {7, 5, 10, 8}};

    @Test
    void formatsCarryKerasNamesIgnoringCase() {
        for (BoxFormat f : BoxFormat.values()) {
            assertEquals(f, BoxFormat.fromKerasName(f.kerasName().toUpperCase(java.util.Locale.ROOT)));
            assertEquals(f.kerasName().startsWith("rel_"), f.isRelative());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxFormat.fromKerasName("rel_center_yxhw"));
        assertTrue(e.getMessage().contains("rel_center_yxhw") && e.getMessage().contains("center_yxhw"),
                e.getMessage());
    }

    @Test
    void relativeConversionsNeedTheImageSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxFormat.XYXY.convert(BOXES, BoxFormat.REL_XYXY));
        assertTrue(e.getMessage().contains("height"), e.getMessage());
        assertArrayEquals(new double[] {8.5, 6.5, 3, 3}, BoxFormat.XYXY.convert(BOXES, BoxFormat.CENTER_XYWH)[1]);
        assertArrayEquals(new double[] {0.7, 5.0 / 8, 1, 1},
                BoxFormat.XYXY.convert(BOXES, BoxFormat.REL_XYXY, 8, 10)[1]);
        assertThrows(IllegalArgumentException.class,
                () -> BoxFormat.XYXY.convert(new double[][] {{1, 2, 3}}, BoxFormat.YXYX));
    }

    @Test
    void everyFormatRoundTripsThroughEveryOther() {
        for (BoxFormat a : BoxFormat.values()) {
            double[][] in = BoxFormat.XYXY.convert(BOXES, a, 8, 10);
            for (BoxFormat b : BoxFormat.values()) {
                double[][] back = b.convert(a.convert(in, b, 8, 10), a, 8, 10);
                for (int i = 0; i < in.length; i++) {
                    assertArrayEquals(in[i], back[i], 1e-12, a + " -> " + b + " -> " + a);
                }
            }
        }
    }

    @Test
    void clippingMarksBoxesWhoseAreaVanishes() {
        BoundingBoxes b = BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{-2, -1, 4, 3}, {11, 2, 14, 5}},
                new int[] {3, 4});
        BoundingBoxes clipped = b.clipToImageSize(8, 10);
        assertArrayEquals(new double[] {0, 0, 4, 3}, clipped.box(0));
        assertArrayEquals(new int[] {3, -1}, clipped.labels());
        assertEquals(BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{0, 0, 4, 3}}, new int[] {3}),
                clipped.dropVanished());
        assertThrows(IllegalArgumentException.class, () -> b.convert(BoxFormat.XYWH, 8, 10).clipToImageSize(8, 10));
    }

    @Test
    void anAffineMapOverPixelIndicesMovesBoxEdgesExactly() {
        BoundingBoxes b = BoundingBoxes.of(BoxFormat.XYXY, BOXES, new int[] {1, 2});
        // a horizontal flip of a 10-wide image: column c -> 9 - c, so the edge x -> 10 - x
        BoundingBoxes flipped = b.transform(new double[] {1, 0, 0, 0, -1, 9}, 8, 10, 8, 10);
        assertArrayEquals(new double[] {7, 0, 10, 2}, flipped.box(0), 1e-12);
        assertArrayEquals(new double[] {0, 5, 3, 8}, flipped.box(1), 1e-12);
        // a quarter turn of an 8x10 image into a 10x8 one: (r, c) -> (c, 7 - r)
        BoundingBoxes turned = b.transform(new double[] {0, 1, 0, -1, 0, 7}, 8, 10, 10, 8);
        assertArrayEquals(new double[] {6, 0, 8, 3}, turned.box(0), 1e-12);
        // moved off the image: clipped to nothing and marked
        BoundingBoxes gone = b.transform(new double[] {1, 0, 0, 0, 1, -20}, 8, 10, 8, 10);
        assertArrayEquals(new int[] {-1, -1}, gone.labels());
        // relative boxes stay relative to the output's size
        BoundingBoxes rel = b.convert(BoxFormat.REL_XYXY, 8, 10).transform(new double[] {0, 1, 0, -1, 0, 7}, 8, 10,
                10, 8);
        assertArrayEquals(new double[] {6 / 8.0, 0, 1, 3 / 10.0}, rel.box(0), 1e-12);
    }

    @Test
    void theDenseFormPadsWithMinusOneAndTruncates() {
        BoundingBoxes two = BoundingBoxes.of(BoxFormat.XYXY, BOXES, new int[] {1, 2});
        BoundingBoxes none = BoundingBoxes.empty(BoxFormat.XYXY);
        DenseBoundingBoxes d = DenseBoundingBoxes.of(List.of(two, none));
        assertEquals(2, d.batchSize());
        assertEquals(2, d.maxBoxes());
        assertArrayEquals(new int[] {-1, -1}, d.labels()[1]);
        assertArrayEquals(new double[] {-1, -1, -1, -1}, d.boxes()[1][0]);
        assertArrayEquals(new int[] {2, 2, 4}, d.boxesTensor().shape());
        assertArrayEquals(new int[] {2, 0}, d.counts());
        assertEquals(List.of(two, none), d.samples());
        DenseBoundingBoxes one = DenseBoundingBoxes.of(List.of(two, none), 1);
        assertArrayEquals(new int[][] {{1}, {-1}}, one.labels());
        assertArrayEquals(new int[] {1, 0}, one.counts());
        assertEquals(List.of(BoundingBoxes.of(BoxFormat.XYXY, new double[][] {BOXES[0]}, new int[] {1}), none),
                one.samples());
        assertThrows(IllegalArgumentException.class,
                () -> DenseBoundingBoxes.of(List.of(two, two.convert(BoxFormat.XYWH, 8, 10))));
        assertThrows(IllegalArgumentException.class, () -> DenseBoundingBoxes.of(List.of()));
    }

    @Test
    void boxesAreCheckedAndCopied() {
        double[][] in = {{0, 0, 1, 1}};
        BoundingBoxes b = BoundingBoxes.of(BoxFormat.XYXY, in, new int[] {0});
        in[0][0] = 5;
        assertEquals(0, b.box(0)[0]);
        assertThrows(IllegalArgumentException.class,
                () -> BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{0, 0, Double.NaN, 1}}, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{0, 0, 1, 1}}, new int[] {0, 1}));
    }
}
