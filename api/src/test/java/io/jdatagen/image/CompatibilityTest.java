package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DOCUMENTED convention, and where it must agree with KERAS_REFERENCE (KERAS-SPEC.md preface). */
class CompatibilityTest {
    private static WarpOptions options(Compatibility c, FillMode mode, int order) {
        return WarpOptions.of(ImageAxes.CHANNELS_LAST, mode, 0, order, c);
    }

    @Test
    void documentedRotation180OfNonSquareImageIsADoubleFlip() {
        Tensor x = Images.positional(7, 9, 3);
        Tensor rotated = AffineTransforms.applyAffineTransform(x, 180, 0, 0, 0, 1, 1,
                options(Compatibility.DOCUMENTED, FillMode.NEAREST, 1));
        Tensor doubleFlip = AffineTransforms.flipAxis(AffineTransforms.flipAxis(x, 0), 1);
        assertTrue(Images.maxAbsDiff(rotated, doubleFlip) < 1e-9 * 1000, "max diff "
                + Images.maxAbsDiff(rotated, doubleFlip));
    }

    @Test
    void kerasReferenceRotation180PivotsOnTheCrossedCentre() {
        // KERAS-SPEC §1.3: on 7x9, out[r, c] = in[8 - r, 6 - c] where that exists. Nearest fill
        // avoids the constant-mode precision trap at the edge (a source at 6 + 1e-15 is cval there).
        Tensor x = Images.positional(7, 9, 1);
        Tensor rotated = AffineTransforms.applyAffineTransform(x, 180, 0, 0, 0, 1, 1,
                options(Compatibility.KERAS_REFERENCE, FillMode.NEAREST, 0));
        for (int r = 2; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                assertEquals(x.get(8 - r, 6 - c, 0), rotated.get(r, c, 0), 1e-4, "at " + r + "," + c);
            }
        }
    }

    @Test
    void widthShiftRangeMovesContentHorizontally() {
        ImageDataGenerator g = ImageDataGenerator.builder().widthShiftRange(ShiftRange.choices(2)).build();
        Tensor x = Tensor.zeros(5, 8, 1);
        x.set(1f, 2, 4, 0);
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 10; trial++) {
            TransformParameters p = g.getRandomTransform(x.shape(), rng);
            assertEquals(2, Math.abs(p.tx()), "tx is the horizontal shift: " + p);
            assertEquals(0, p.ty());
            Tensor y = g.applyTransform(x, p);
            int expectedCol = 4 - (int) p.tx();
            assertEquals(1f, y.get(2, expectedCol, 0), "marker must move to column " + expectedCol);
        }
    }

    @Test
    void heightShiftFractionScalesByTheHeight() {
        ImageDataGenerator g = ImageDataGenerator.builder().heightShiftRange(0.5).build();
        SplittableRandom rng = new SplittableRandom(5);
        double maxTy = 0;
        for (int trial = 0; trial < 200; trial++) {
            TransformParameters p = g.getRandomTransform(new int[] {10, 40, 3}, rng);
            assertEquals(0, p.tx());
            assertTrue(Math.abs(p.ty()) <= 5, "ty within 0.5 * height: " + p.ty());
            maxTy = Math.max(maxTy, Math.abs(p.ty()));
        }
        assertTrue(maxTy > 4, "draws cover the range, max |ty| " + maxTy);
        ImageDataGenerator keras = g.toBuilder().compatibility(Compatibility.KERAS_REFERENCE).build();
        TransformParameters k = keras.getRandomTransform(new int[] {10, 40, 3}, new SplittableRandom(5));
        assertEquals(0, k.ty(), "the reference feeds height_shift_range into tx");
        assertTrue(k.tx() != 0);
    }

    @Test
    void wrapHasPeriodNInDocumentedAndNMinusOneInReference() {
        Tensor row = Tensor.of(new float[] {0, 1, 2, 3, 4}, 1, 5, 1);
        Tensor documented = AffineTransforms.applyAffineTransform(row, 0, 1.7, 0, 0, 1, 1,
                options(Compatibility.DOCUMENTED, FillMode.WRAP, 0));
        assertArrayEquals(new float[] {2, 3, 4, 0, 1}, documented.data());
        Tensor reference = AffineTransforms.applyAffineTransform(row, 0, 1.7, 0, 0, 1, 1,
                options(Compatibility.KERAS_REFERENCE, FillMode.WRAP, 0));
        assertArrayEquals(new float[] {2, 3, 4, 1, 2}, reference.data());
    }

    @Test
    void modesAgreeOnSquareImagesWithoutShiftOrWrap() {
        SplittableRandom rng = new SplittableRandom(11);
        FillMode[] modes = {FillMode.CONSTANT, FillMode.NEAREST, FillMode.REFLECT};
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rng.nextInt(12);
            Tensor x = Images.random(trial, n, n, 1 + rng.nextInt(3));
            double theta = rng.nextDouble(-180, 180);
            double shear = rng.nextDouble(-30, 30);
            double zx = rng.nextDouble(0.5, 1.5);
            double zy = rng.nextDouble(0.5, 1.5);
            FillMode mode = modes[rng.nextInt(modes.length)];
            int order = rng.nextInt(2);
            Tensor a = AffineTransforms.applyAffineTransform(x, theta, 0, 0, shear, zx, zy,
                    options(Compatibility.DOCUMENTED, mode, order));
            Tensor b = AffineTransforms.applyAffineTransform(x, theta, 0, 0, shear, zx, zy,
                    options(Compatibility.KERAS_REFERENCE, mode, order));
            assertEquals(a, b, "trial " + trial);
        }
    }
}
