package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.ImagesAndBoxes;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomCrop;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomShear;
import io.jdatagen.layers.RandomTranslation;
import io.jdatagen.layers.RandomZoom;
import io.jdatagen.layers.Resizing;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A filled rectangle drawn on an image stays inside its box after random fused Keras layers
 * ({@code KerasPipeline.apply(images, boxes, seed, epoch)} in {@code FUSED} mode): rotations up to a half turn,
 * shifts, zooms, shears and flips in random order, then (with nearest sampling) a centre crop, a random crop
 * or a resize. The image is 0 with the rectangle's pixels 1, constant fill 0; the box is the rectangle's edges.
 * "Inside" counts the output pixels whose centre {@code (c + 0.5, r + 0.5)} lies in the box.
 */
class BoxesFollowPixelsTest {
    private static final ReferenceBackend BACKEND = new ReferenceBackend();

    /**
     * One case: the image's size, the rectangle's rows and columns {@code [r0, r1) × [c0, c1)}, the layers, the
     * seed, and by how many output pixels the box may be grown for what a second resampling adds (see the tests).
     */
    record Case(int height, int width, int r0, int r1, int c0, int c1, List<KerasLayer> layers, long seed,
            double grow) {
        @Override
        public String toString() {
            List<String> names = new ArrayList<>();
            for (KerasLayer l : layers) {
                names.add(l.className() + l.getConfig());
            }
            return height + "x" + width + " rect rows [" + r0 + ", " + r1 + ") cols [" + c0 + ", " + c1 + ") seed "
                    + seed + " grow " + grow + " " + names;
        }
    }

    private static Case generate(SplittableRandom r, int size, String interpolation) {
        int h = 8 + r.nextInt(4 + size);
        int w = 8 + r.nextInt(4 + size);
        int rows = 4 + r.nextInt(h - 5);
        int cols = 4 + r.nextInt(w - 5);
        int r0 = r.nextInt(h - rows + 1);
        int c0 = r.nextInt(w - cols + 1);
        List<KerasLayer> affine = new ArrayList<>();
        affine.add(new RandomRotation(new double[] {r.nextDouble(-0.5, 0.5)}, "constant", interpolation, null, 0,
                null));
        affine.add(new RandomTranslation(new double[] {r.nextDouble(0, 0.3)}, new double[] {r.nextDouble(0, 0.3)},
                "constant", interpolation, null, 0, null));
        affine.add(new RandomZoom(new double[] {r.nextDouble(0, 0.3)}, new double[] {r.nextDouble(0, 0.3)},
                "constant", interpolation, null, 0, null));
        affine.add(new RandomShear(new double[] {r.nextDouble(0, 0.3)}, new double[] {r.nextDouble(0, 0.3)},
                interpolation, "constant", 0, null, null));
        affine.add(new RandomFlip(new String[] {"horizontal", "vertical", "horizontal_and_vertical"}[r.nextInt(3)],
                null, null));
        Collections.shuffle(affine, new java.util.Random(r.nextLong()));
        List<KerasLayer> layers = new ArrayList<>(affine.subList(0, 1 + r.nextInt(affine.size())));
        double grow = 0;
        if (interpolation.equals("nearest")) {
            int hh = 4 + r.nextInt(h - 3);
            int ww = 4 + r.nextInt(w - 3);
            switch (r.nextInt(4)) {
                case 0 -> layers.add(new CenterCrop(hh, ww));
                case 1 -> layers.add(new RandomCrop(hh, ww, null));
                case 2 -> {
                    int outH = 4 + r.nextInt(2 * h);
                    int outW = 4 + r.nextInt(2 * w);
                    layers.add(new Resizing(outH, outW, "nearest"));
                    grow = 0.5 * Math.max((double) outH / h, (double) outW / w);
                }
                default -> {
                }
            }
        }
        return new Case(h, w, r0, r0 + rows, c0, c0 + cols, layers, r.nextLong(), grow);
    }

    /**
     * Nearest sampling copies an input pixel to an output pixel exactly when the output pixel's centre maps back
     * into that input pixel, so every lit output centre lies in the rectangle's image under the forward map and
     * hence in its enclosing box: the fraction inside is 1 after one warp, and after a crop (which copies whole
     * pixels). A resize is a second resampling of the warped image, whose lit pixels' centres (not their whole
     * squares) are in the box: an output centre may map back up to half an intermediate pixel past it, so after
     * a resize the box is grown by half a pixel times the resize's larger scale. The 0.999 leaves room for a
     * centre that falls on the box's edge and is rounded to the other side (ties); a box that left the image
     * is labelled -1 and, without a resize, nothing of the rectangle is left to see.
     */
    @Test
    void withNearestSamplingEveryLitPixelIsInsideTheBox() {
        Property.forAll("boxes follow nearest warps", 2000, 24, (r, size) -> generate(r, size, "nearest"),
                c -> check(c, c.grow(), 0.999));
    }

    /**
     * Bilinear sampling lights an output pixel whose centre maps back to within one input pixel of the
     * rectangle's pixel centres, i.e. into the rectangle grown by half an input pixel on each side. The layers'
     * ranges (zoom in [0.7, 1.3], shear at most 0.3) keep the inverse map's smallest singular value at least
     * 0.7 · 0.7, so the forward map stretches a half-pixel step (length at most 0.5·√2) to at most 1.45 output
     * pixels: all of the mass lies in the box grown by 1.5 pixels (0.999: float32 outputs).
     */
    @Test
    void withBilinearSamplingAllMassIsWithinHalfAnInputPixelOfTheBox() {
        Property.forAll("boxes follow bilinear warps", 1000, 24, (r, size) -> generate(r, size, "bilinear"),
                c -> check(c, 1.5, 0.999));
    }

    private static void check(Case c, double grow, double fraction) {
        Tensor image = Tensor.zeros(1, c.height(), c.width(), 1);
        for (int r = c.r0(); r < c.r1(); r++) {
            for (int col = c.c0(); col < c.c1(); col++) {
                image.data()[r * c.width() + col] = 1;
            }
        }
        BoundingBoxes box = BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{c.c0(), c.r0(), c.c1(), c.r1()}},
                new int[] {3});
        KerasPipeline pipeline = KerasPipeline.builder().layers(c.layers()).backend(BACKEND).build();
        ImagesAndBoxes out = pipeline.apply(image, List.of(box), c.seed(), 0);
        Tensor x = out.images().item(0);
        double[] b = out.boxes().get(0).box(0);
        LightInBox light = LightInBox.of(x, b, 1e-6 + grow);
        double total = light.total();
        double inside = light.inside();
        if (out.boxes().get(0).label(0) == -1) {
            assertTrue(grow > 0 || total == 0, "the box vanished but " + total + " of the rectangle is left");
            return;
        }
        assertEquals(3, out.boxes().get(0).label(0));
        if (total > 0) {
            assertTrue(inside >= fraction * total, "inside " + inside + " of " + total + ", box "
                    + java.util.Arrays.toString(b));
        }
    }
}
