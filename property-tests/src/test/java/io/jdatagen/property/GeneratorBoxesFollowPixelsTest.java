package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.GeneratorBuilder;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.image.TransformedTargets;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A filled rectangle drawn on an image stays inside its box after random {@code ImageDataGenerator} transforms
 * ({@code applyTransform} for the pixels, {@code transformTargets} for the box, same parameters): rotations up to
 * 180°, shifts, shear, zoom, flips and a resize, in either {@link Compatibility}. Nearest sampling, constant fill
 * 0: an output pixel is lit exactly when its centre maps back into the rectangle, so every lit centre lies in the
 * enclosing box of the rectangle's forward image. With a resize the warp resamples the resized image, whose lit
 * pixels' centres (not whole squares) are in the box: the box is grown by half a pixel times the warp's stretch.
 */
class GeneratorBoxesFollowPixelsTest {
    private static final ReferenceBackend BACKEND = new ReferenceBackend();

    /** One case: image size, rectangle {@code [r0, r1) × [c0, c1)}, the generator, the seed of its draw. */
    record Case(int height, int width, int r0, int r1, int c0, int c1, ImageDataGenerator generator, long seed,
            double grow) {
        @Override
        public String toString() {
            return height + "x" + width + " rect rows [" + r0 + ", " + r1 + ") cols [" + c0 + ", " + c1 + ") seed "
                    + seed + " grow " + grow + " " + generator.getConfig();
        }
    }

    private static Case generate(SplittableRandom r, int size) {
        int h = 8 + r.nextInt(4 + size);
        int w = 8 + r.nextInt(4 + size);
        int rows = 3 + r.nextInt(h - 4);
        int cols = 3 + r.nextInt(w - 4);
        int r0 = r.nextInt(h - rows + 1);
        int c0 = r.nextInt(w - cols + 1);
        GeneratorBuilder b = ImageDataGenerator.builder().fillMode(FillMode.CONSTANT).cval(0).interpolationOrder(0)
                .compatibility(r.nextBoolean() ? Compatibility.DOCUMENTED : Compatibility.KERAS_REFERENCE)
                .backend(BACKEND);
        if (r.nextBoolean()) {
            b.rotationRange(r.nextDouble(0, 180));
        }
        if (r.nextBoolean()) {
            b.widthShiftRange(r.nextDouble(0, 0.4));
        }
        if (r.nextBoolean()) {
            b.heightShiftRange(r.nextDouble(0, 0.4));
        }
        if (r.nextBoolean()) {
            b.shearRange(r.nextDouble(0, 30));
        }
        double zoom = 0;
        if (r.nextBoolean()) {
            zoom = r.nextDouble(0, 0.3);
            b.zoomRange(zoom);
        }
        b.horizontalFlip(r.nextBoolean()).verticalFlip(r.nextBoolean());
        double grow = 0;
        if (r.nextInt(3) == 0) {
            b.resize(4 + r.nextInt(2 * h), 4 + r.nextInt(2 * w));
            // the warp's largest stretch: 1 / (1 - zoom) for the zoom, about 1.6 more for a 30° shear
            grow = 0.5 * 1.6 / (1 - zoom);
        }
        return new Case(h, w, r0, r0 + rows, c0, c0 + cols, b.build(), r.nextLong() & 0xFFFFFFFFL, grow);
    }

    /** The 0.999 leaves room for a centre that falls on the box's edge and is rounded to the other side. */
    @Test
    void everyLitPixelIsInsideTheMappedBox() {
        Property.forAll("boxes follow the generator", 3000, 24, GeneratorBoxesFollowPixelsTest::generate,
                GeneratorBoxesFollowPixelsTest::check);
    }

    private static void check(Case c) {
        Tensor image = Tensor.zeros(c.height(), c.width(), 1);
        for (int r = c.r0(); r < c.r1(); r++) {
            for (int col = c.c0(); col < c.c1(); col++) {
                image.data()[r * c.width() + col] = 1;
            }
        }
        BoundingBoxes box = BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{c.c0(), c.r0(), c.c1(), c.r1()}},
                new int[] {3});
        ImageDataGenerator g = c.generator();
        TransformParameters p = g.getRandomTransform(image.shape(), c.seed());
        Tensor x = g.applyTransform(image, p);
        TransformedTargets out = g.transformTargets(image.shape(), p, box, Keypoints.empty());
        double[] b = out.boxes().box(0);
        LightInBox light = LightInBox.of(x, b, 1e-6 + c.grow());
        double total = light.total();
        double inside = light.inside();
        if (out.boxes().label(0) == -1) {
            assertTrue(c.grow() > 0 || total == 0, "the box vanished but " + total + " of the rectangle is left, "
                    + p);
            return;
        }
        assertEquals(3, out.boxes().label(0));
        if (total > 0) {
            assertTrue(inside >= 0.999 * total, "inside " + inside + " of " + total + ", box " + Arrays.toString(b)
                    + ", " + p);
        }
    }
}
