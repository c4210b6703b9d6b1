package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * In {@link KerasPipeline.Mode#FUSED} a {@link RandomFlip} joins the warp of the geometric layers around it
 * whatever their resampling, and the fused output equals the output with the flip applied on its own as the
 * exact pixel permutation {@code x → W − 1 − x} before the other layers (bit for bit on the reference
 * backend, within float32 coordinate rounding on the scalar one): the flip commutes with every
 * interpolation and fill mode Keras has.
 */
class FlipFusionTest {
    private static final List<String> FILLS = List.of("reflect", "wrap", "nearest", "constant");
    private static final List<String> INTERPOLATIONS = List.of("bilinear", "nearest");
    /**
     * On values 0-255, for a backend that computes source coordinates in float32 (the scalar one): the two
     * routes reach the same source coordinate as different float sums (the mirror folded into the affine,
     * or applied to the image first), a few ulps of a coordinate below 31 apart, times a slope of at most
     * 255 per pixel. The reference backend computes them in double and agrees bit for bit.
     */
    private static final float FLOAT_COORDINATES = 1e-3f;

    private static int segments(KerasPipeline.Mode mode, KerasLayer... layers) {
        return LayerSegments.split(List.of(layers), mode, GeometricGolden.BACKENDS.get(0), DataFormat.CHANNELS_LAST)
                .segments().size();
    }

    private static RandomRotation rotation(String fill, String interpolation) {
        return new RandomRotation(new double[] {0.1}, fill, interpolation, null, 17.0, null);
    }

    @Test
    void aFlipJoinsTheRunItIsInWhateverItsResampling() {
        KerasPipeline.Mode fused = KerasPipeline.Mode.FUSED;
        assertEquals(1, segments(fused, new RandomFlip(), new RandomRotation(0.1), new RandomZoom(0.1),
                new RandomTranslation(0.1, 0.1), new RandomContrast(new double[] {0.2}, null, null)));
        assertEquals(1, segments(fused, new RandomRotation(0.1), new RandomFlip(), new RandomZoom(0.1)));
        assertEquals(1, segments(fused, new RandomFlip(), new RandomFlip("vertical", null, null),
                new RandomRotation(0.1)));
        // The flip joins the nearest run before it; the bilinear layer after it starts its own.
        assertEquals(2, segments(fused, rotation("constant", "nearest"), new RandomFlip(), new RandomZoom(0.1)));
        // Another kind of layer closes the run: the flip after it starts a run that the rotation joins.
        assertEquals(2, segments(fused, new RandomRotation(0.1), new RandomInvert(new double[] {0.5}, null, null), new RandomFlip(),
                new RandomRotation(0.1)));
        assertEquals(5, segments(KerasPipeline.Mode.KERAS_REFERENCE, new RandomFlip(), new RandomRotation(0.1),
                new RandomZoom(0.1), new RandomTranslation(0.1, 0.1),
                new RandomContrast(new double[] {0.2}, null, null)));
    }

    @Test
    void aLeadingFlipTakesTheResamplingOfTheRunItJoins() {
        for (String fill : FILLS) {
            for (String interpolation : INTERPOLATIONS) {
                RandomFlip flip = new RandomFlip();
                RandomRotation rotate = rotation(fill, interpolation);
                List<StepPipeline> segments = LayerSegments.split(List.of(flip, rotate), KerasPipeline.Mode.FUSED,
                        GeometricGolden.BACKENDS.get(0), DataFormat.CHANNELS_LAST).segments();
                assertEquals(1, segments.size());
                // Run without the flip, the rotation alone in a segment samples as its own layer does.
                Tensor image = image(7, 9, 3, 5);
                Map<Step, Object> given = Map.of(rotate, RandomRotation.given(23.0));
                StepPipeline alone = new StepPipeline(List.of(rotate), rotate.resampling(),
                        GeometricGolden.BACKENDS.get(0), DataFormat.CHANNELS_LAST, null, null);
                StepPipeline fused = segments.get(0);
                assertEquals(alone.transformImage(image, null, alone.given(given)),
                        fused.transformImage(image, null, fused.given(given)), fill + " " + interpolation);
            }
        }
    }

    @Test
    void theFusedStackEqualsTheStackAfterAnExactFlip() {
        for (Backend backend : GeometricGolden.BACKENDS) {
            for (String fill : FILLS) {
                for (String interpolation : INTERPOLATIONS) {
                    for (String mode : List.of("horizontal", "vertical", "horizontal_and_vertical")) {
                        for (int[] hwc : new int[][] {{7, 9, 3}, {6, 6, 1}, {24, 31, 3}}) {
                            check(backend, fill, interpolation, mode, image(hwc[0], hwc[1], hwc[2], hwc[0] * hwc[1]));
                        }
                    }
                }
            }
        }
    }

    private static void check(Backend backend, String fill, String interpolation, String mode, Tensor image) {
        RandomFlip flip = new RandomFlip(mode, null, null);
        RandomRotation rotate = rotation(fill, interpolation);
        RandomZoom zoom = new RandomZoom(new double[] {0.2}, null, fill, interpolation, null, 17.0, null);
        RandomTranslation shift = new RandomTranslation(new double[] {0.2}, new double[] {0.2}, fill, interpolation,
                null, 17.0, null);
        RandomContrast contrast = new RandomContrast(new double[] {0.3}, null, null);
        Map<KerasLayer, Object> given = new IdentityHashMap<>();
        given.put(flip, RandomFlip.given(true));
        given.put(rotate, RandomRotation.given(-13.7));
        given.put(zoom, RandomZoom.given(0.91, 1.07));
        given.put(shift, RandomTranslation.given(1.3, -0.6));
        given.put(contrast, 1.2f);
        KerasPipeline withFlip = KerasPipeline.builder().layers(flip, rotate, zoom, shift, contrast).backend(backend)
                .build();
        KerasPipeline without = KerasPipeline.builder().layers(rotate, zoom, shift, contrast).backend(backend).build();
        Tensor fused = withFlip.transformGiven(image, given);
        Tensor flippedFirst = without.transformGiven(flipped(image, !mode.equals("horizontal"),
                !mode.equals("vertical")), given);
        String what = backend.name() + " " + fill + " " + interpolation + " " + mode;
        assertArrayEquals(flippedFirst.shape(), fused.shape(), what);
        if (backend instanceof ReferenceBackend) {
            assertArrayEquals(flippedFirst.data(), fused.data(), what);
            return;
        }
        float worst = 0;
        for (int k = 0; k < fused.size(); k++) {
            worst = Math.max(worst, Math.abs(fused.data()[k] - flippedFirst.data()[k]));
        }
        assertTrue(worst <= FLOAT_COORDINATES, what + ": largest difference " + worst);
    }

    /** {@return {@code image} (HWC) with its rows and/or columns reversed: the flip as a permutation} */
    private static Tensor flipped(Tensor image, boolean rows, boolean cols) {
        int h = image.dim(0);
        int w = image.dim(1);
        int c = image.dim(2);
        float[] out = new float[image.size()];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int si = rows ? h - 1 - i : i;
                int sj = cols ? w - 1 - j : j;
                System.arraycopy(image.data(), (si * w + sj) * c, out, (i * w + j) * c, c);
            }
        }
        return Tensor.of(out, h, w, c);
    }

    /** {@return an image of whole numbers 0-255 that is not symmetric in either axis} */
    private static Tensor image(int h, int w, int c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[h * w * c];
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextInt(256);
        }
        return Tensor.of(data, h, w, c);
    }
}
