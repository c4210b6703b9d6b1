package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.RandomRotation90;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ImageDataGenerator#transformTargets} moves boxes and keypoints where {@link ImageDataGenerator#applyTransform}
 * moves the pixels, for each of the generator's geometric transforms alone and all combined, in both
 * {@link Compatibility} modes ({@code KERAS_REFERENCE} keeps Keras's pivot and its swapped shifts, so the targets
 * must follow the pixels as they actually move, not as Keras documents them).
 *
 * <p>The image is 20×28 (not square, so that a swapped axis shows), 0 with a filled rectangle of 1s (rows
 * {@code [5, 11)}, columns {@code [8, 17)}) whose box is its edges, and a second channel with a 3×3 bright block
 * whose keypoint is its centre. Sampling is nearest with a constant 0 fill: an output pixel is lit exactly when
 * its centre maps back into a lit input pixel, so every lit centre lies in the forward image of the rectangle
 * and hence in its enclosing box.
 */
class TransformTargetsTest {
    private static final int H = 20;
    private static final int W = 28;
    private static final int R0 = 5;
    private static final int R1 = 11;
    private static final int C0 = 8;
    private static final int C1 = 17;
    private static final int KR = 12;
    private static final int KC = 18;

    /** One transform of the generator's, alone or combined; whether it keeps boxes axis-aligned (tight). */
    enum Transform {
        ROTATION(b -> b.rotationRange(40), false),
        WIDTH_SHIFT(b -> b.widthShiftRange(0.3), true),
        HEIGHT_SHIFT(b -> b.heightShiftRange(0.3), true),
        SHEAR(b -> b.shearRange(25), false),
        ZOOM(b -> b.zoomRange(0.75, 1.3), true),
        HORIZONTAL_FLIP(b -> b.horizontalFlip(true), true),
        VERTICAL_FLIP(b -> b.verticalFlip(true), true),
        RESIZE(b -> b.resize(30, 21), true),
        COMBINED(b -> b.rotationRange(30).widthShiftRange(0.2).heightShiftRange(0.2).shearRange(15)
                .zoomRange(0.8, 1.25).horizontalFlip(true).verticalFlip(true).resize(24, 33), false);

        final UnaryOperator<GeneratorBuilder> options;
        final boolean axisAligned;

        Transform(UnaryOperator<GeneratorBuilder> options, boolean axisAligned) {
            this.options = options;
            this.axisAligned = axisAligned;
        }

        boolean resizes() {
            return this == RESIZE || this == COMBINED;
        }
    }

    private static ImageDataGenerator generator(Transform t, Compatibility mode) {
        return t.options.apply(ImageDataGenerator.builder().fillMode(FillMode.CONSTANT).cval(0).interpolationOrder(0)
                .compatibility(mode).backend(new ReferenceBackend())).build();
    }

    private static Tensor image() {
        Tensor x = Tensor.zeros(H, W, 2);
        for (int r = R0; r < R1; r++) {
            for (int c = C0; c < C1; c++) {
                x.data()[(r * W + c) * 2] = 1;
            }
        }
        for (int r = KR - 1; r <= KR + 1; r++) {
            for (int c = KC - 1; c <= KC + 1; c++) {
                x.data()[(r * W + c) * 2 + 1] = 1;
            }
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Transform.class)
    void documentedModeTargetsFollowThePixels(Transform t) {
        check(t, Compatibility.DOCUMENTED);
    }

    @ParameterizedTest
    @EnumSource(Transform.class)
    void kerasReferenceTargetsFollowThePixelsAsKerasMovesThem(Transform t) {
        check(t, Compatibility.KERAS_REFERENCE);
    }

    /**
     * Over 60 seeds: every lit output centre of the rectangle is in the mapped box (grown by half a pixel times
     * the stretch when the resize is a second resampling), a box labelled {@code -1} has no light left, an
     * axis-aligned transform gives the tight box (within one pixel of the lit extent), and the keypoint lies
     * within 1.5 pixels of the block's lit centroid while visible. The box must move for some seeds.
     */
    private static void check(Transform t, Compatibility mode) {
        ImageDataGenerator g = generator(t, mode);
        Tensor x = image();
        int[] shape = x.shape();
        BoundingBoxes box = BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{C0, R0, C1, R1}}, new int[] {4});
        Keypoints point = Keypoints.of(new double[][] {{KC + 0.5, KR + 0.5}}, new int[] {2});
        double grow = (t.resizes() ? 1.0 : 0) + 1e-6;
        int moved = 0;
        int pointsChecked = 0;
        for (long seed = 0; seed < 60; seed++) {
            TransformParameters p = g.getRandomTransform(shape, seed);
            Tensor y = g.applyTransform(x, p);
            TransformedTargets out = g.transformTargets(shape, p, box, point);
            String what = t + " " + mode + " seed " + seed + " " + p;
            int h = y.dim(0);
            int w = y.dim(1);
            double[] b = out.boxes().box(0);
            double total = 0;
            double[] lit = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY};
            double kx = 0;
            double ky = 0;
            double kMass = 0;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double cx = c + 0.5;
                    double cy = r + 0.5;
                    double v = y.data()[(r * w + c) * 2];
                    if (v > 0.5) {
                        total += v;
                        assertTrue(cx >= b[0] - grow && cx <= b[2] + grow && cy >= b[1] - grow && cy <= b[3] + grow,
                                what + ": light at (" + r + ", " + c + ") outside " + Arrays.toString(b));
                        lit = new double[] {Math.min(lit[0], cx), Math.min(lit[1], cy), Math.max(lit[2], cx),
                                Math.max(lit[3], cy)};
                    }
                    double k = y.data()[(r * w + c) * 2 + 1];
                    if (k > 0.5) {
                        kx += cx;
                        ky += cy;
                        kMass++;
                    }
                }
            }
            if (out.boxes().label(0) == -1) {
                assertEquals(0, total, what + ": the box vanished but light is left");
            } else {
                assertEquals(4, out.boxes().label(0), what);
                if (t.axisAligned && total > 0) {
                    for (int i = 0; i < 4; i++) {
                        double edge = lit[i] + (i < 2 ? -0.5 : 0.5);
                        double limit = i % 2 == 0 ? w : h;
                        assertTrue(Math.abs(Math.min(Math.max(edge, 0), limit) - b[i]) <= 1 + grow,
                                what + ": box " + Arrays.toString(b) + " not tight on light " + Arrays.toString(lit));
                    }
                }
            }
            if (!Arrays.equals(b, new double[] {C0, R0, C1, R1})) {
                moved++;
            }
            double[] q = out.keypoints().point(0);
            if (out.keypoints().visibility(0) != Keypoints.OUTSIDE && kMass > 0) {
                double d = Math.hypot(kx / kMass - q[0], ky / kMass - q[1]);
                assertTrue(d <= 1.5, what + ": keypoint " + Arrays.toString(q) + " is " + d + " from its block");
                pointsChecked++;
            }
        }
        assertTrue(moved > 20, t + " " + mode + ": the box moved for only " + moved + " seeds");
        assertTrue(pointsChecked > 20, t + " " + mode + ": only " + pointsChecked + " keypoints checked");
    }

    /** A flip mirrors a box exactly ({@code x → width − x}) in both modes; relative formats stay relative. */
    @Test
    void aFlipMirrorsABoxExactlyAndKeepsItsFormat() {
        for (Compatibility mode : Compatibility.values()) {
            ImageDataGenerator g = generator(Transform.HORIZONTAL_FLIP, mode);
            TransformParameters flip = TransformParameters.fromMap(Map.of("flip_horizontal", true));
            BoundingBoxes rel = BoundingBoxes.of(BoxFormat.REL_XYWH, new double[][] {{0.25, 0.5, 0.5, 0.25}},
                    new int[] {1});
            TransformedTargets out = g.transformTargets(new int[] {H, W, 2}, flip, rel, Keypoints.empty());
            assertEquals(BoxFormat.REL_XYWH, out.boxes().format());
            assertArrayEquals(new double[] {0.25, 0.5, 0.5, 0.25}, out.boxes().box(0), 1e-12, mode.toString());
            BoundingBoxes abs = BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{2, 3, 9, 7}}, new int[] {1});
            assertArrayEquals(new double[] {W - 9, 3, W - 2, 7},
                    g.transformTargets(new int[] {H, W, 2}, flip, abs, Keypoints.empty()).boxes().box(0), 1e-12);
        }
    }

    @Test
    void aShapeThatIsNotRankThreeIsRefused() {
        ImageDataGenerator g = generator(Transform.ROTATION, Compatibility.DOCUMENTED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.transformTargets(
                new int[] {H, W}, TransformParameters.identity(),
                BoundingBoxes.empty(BoxFormat.XYXY), Keypoints.empty()));
        assertEquals("imageShape must be a rank-3 image shape; got [20, 28]", e.getMessage());
    }

    @Test
    void aGeneratorWithAGeometricStepOfItsOwnIsRefused() {
        ImageDataGenerator g = ImageDataGenerator.builder().step(new RandomRotation90(0.5)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.transformTargets(
                new int[] {H, W, 1}, TransformParameters.identity(),
                BoundingBoxes.empty(BoxFormat.XYXY), Keypoints.empty()));
        assertTrue(e.getMessage().startsWith("boxes and keypoints cannot follow the geometric step RandomRotation90"
                + " added with GeneratorBuilder.step"), e.getMessage());
    }
}
