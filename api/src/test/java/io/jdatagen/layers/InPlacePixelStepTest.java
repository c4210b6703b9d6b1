package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Step;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A pixel step that works on its sample's slot of the batch ({@link PixelStep#applyInPlace}) gives the bits
 * of the same step run on a copy of the image: {@link RandomContrast} against a wrapper of it that only has
 * {@link PixelStep#apply}, alone after the warp and mixed with a copying step, on every CPU backend, in both
 * modes and both formats; likewise the other layers that work in place (RandAugment's color operations,
 * RandAugment itself, RandomGrayscale, RandomErasing), and each of them touches only its own slot.
 */
class InPlacePixelStepTest {
    private static final List<Backend> BACKENDS = List.of(new ReferenceBackend(), new ScalarBackend(),
            Backends.named("simd"));

    /** {@code layer} with the default {@link PixelStep#applyInPlace}: always run on a copy. */
    private static final class Copying<P> implements KerasLayer, PixelStep<P> {
        private final KerasLayer layer;
        private final PixelStep<P> step;

        @SuppressWarnings("unchecked")
        Copying(KerasLayer layer) {
            this.layer = layer;
            this.step = (PixelStep<P>) layer.step();
        }

        @Override
        public String className() {
            return "Copying" + layer.className();
        }

        @Override
        public Map<String, Object> getConfig() {
            return layer.getConfig();
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public P draw(ImageShape image, RandomGenerator rng) {
            return step.draw(image, rng);
        }

        @Override
        public Tensor apply(P params, Tensor image, ImageShape shape, SampleContext context) {
            return step.apply(params, image.copy(), shape, context);
        }
    }

    private static RandomContrast contrast(double factor) {
        return new RandomContrast(new double[] {factor}, null, null);
    }

    private static KerasLayer[] geometric() {
        return new KerasLayer[] {new RandomFlip(), new RandomRotation(0.1), new RandomZoom(0.1),
            new RandomTranslation(0.1, 0.1)};
    }

    private static KerasLayer[] stack(KerasLayer... after) {
        KerasLayer[] g = geometric();
        KerasLayer[] all = java.util.Arrays.copyOf(g, g.length + after.length);
        System.arraycopy(after, 0, all, g.length, after.length);
        return all;
    }

    /** A batch of {@code n} images of values in [0, 255]: whole numbers, or any float32 values. */
    private static Tensor batch(int n, int h, int w, int c, DataFormat format, boolean whole, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] image = format.imageShape(h, w, c);
        Tensor t = Tensor.zeros(n, image[0], image[1], image[2]);
        float[] d = t.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = whole ? r.nextInt(256) : (float) (r.nextDouble() * 255);
        }
        return t;
    }

    private static Tensor run(KerasLayer[] layers, KerasPipeline.Mode mode, DataFormat format, Backend backend,
            Tensor input, long seed) {
        return KerasPipeline.builder().layers(layers).mode(mode).dataFormat(format).backend(backend).build()
                .apply(input, seed);
    }

    @Test
    void contrastInPlaceGivesTheBitsOfContrastOnACopy() {
        int checked = 0;
        for (Backend backend : BACKENDS) {
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                for (DataFormat format : DataFormat.values()) {
                    for (boolean whole : new boolean[] {true, false}) {
                        for (int[] size : new int[][] {{5, 23, 31, 3}, {3, 16, 17, 1}}) {
                            Tensor input = batch(size[0], size[1], size[2], size[3], format, whole, checked);
                            String what = backend.name() + " " + mode + " " + format + " whole=" + whole + " "
                                    + java.util.Arrays.toString(size);
                            long seed = 11 + checked;
                            Tensor inPlace = run(stack(contrast(0.4)), mode, format, backend, input, seed);
                            Tensor copied = run(stack(new Copying<Float>(contrast(0.4))), mode, format, backend,
                                    input, seed);
                            Tensor warpOnly = run(geometric(), mode, format, backend, input, seed);
                            assertFalse(java.util.Arrays.equals(warpOnly.data(), inPlace.data()),
                                    what + ": the contrast changes the batch");
                            assertArrayEquals(copied.data(), inPlace.data(), what + ": alone");
                            Tensor mixed = run(stack(contrast(0.3), new Copying<Float>(contrast(0.5)), contrast(0.2)),
                                    mode, format, backend, input, seed);
                            Tensor allCopied = run(stack(new Copying<Float>(contrast(0.3)),
                                    new Copying<Float>(contrast(0.5)), new Copying<Float>(contrast(0.2))),
                                    mode, format, backend, input, seed);
                            assertArrayEquals(allCopied.data(), mixed.data(), what + ": before and after a copying step");
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(BACKENDS.size() * KerasPipeline.Mode.values().length * DataFormat.values().length * 4, checked);
    }

    @Test
    void contrastInPlaceTouchesOnlyItsSlot() {
        for (DataFormat format : DataFormat.values()) {
            ImageShape shape = new ImageShape(6, 7, 3, format);
            int size = 6 * 7 * 3;
            float[] data = batch(3, 6, 7, 3, format, false, 5).data();
            float[] expected = data.clone();
            float[] middle = java.util.Arrays.copyOfRange(data, size, 2 * size);
            RandomContrast layer = contrast(0.5);
            Tensor image = layer.apply(1.4f, Tensor.of(middle, format.imageShape(6, 7, 3)), shape, SampleContext.NONE);
            System.arraycopy(image.data(), 0, expected, size, size);
            assertTrue(layer.applyInPlace(1.4f, data, size, shape, SampleContext.NONE), format.toString());
            assertArrayEquals(expected, data, format.toString());
        }
    }

    /**
     * RandAugment's color operations, RandAugment, RandomGrayscale and RandomErasing, each with the factors that
     * make it change the image.
     */
    private static KerasLayer[] inPlaceLayers() {
        Map<String, Object> factor = Map.of("factor", List.of(0.1, 0.5), "value_range", List.of(0, 255));
        return new KerasLayer[] {RandomBrightness.fromConfig(factor), RandomColorDegeneration.fromConfig(factor),
            RandomSharpness.fromConfig(factor),
            RandomPosterization.fromConfig(Map.of("factor", 3, "value_range", List.of(0, 255))),
            Solarization.fromConfig(Map.of("addition_factor", List.of(0.1, 0.3), "threshold_factor",
                List.of(0.2, 0.6), "value_range", List.of(0, 255))),
            AutoContrast.fromConfig(Map.of("value_range", List.of(0, 255))),
            Equalization.fromConfig(Map.of("value_range", List.of(0, 255))),
            new RandAugment(null, 3, new double[] {0.5}, null, null), new RandomGrayscale(1.0), new RandomErasing()};
    }

    @Test
    void layersInPlaceGiveTheBitsOfTheLayersOnACopy() {
        int checked = 0;
        for (KerasLayer layer : inPlaceLayers()) {
            for (Backend backend : BACKENDS) {
                for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                    for (DataFormat format : DataFormat.values()) {
                        boolean whole = checked % 2 == 0;
                        Tensor input = batch(4, 21, 26, 3, format, whole, checked);
                        String what = layer.className() + " " + backend.name() + " " + mode + " " + format
                                + " whole=" + whole;
                        long seed = 31 + checked;
                        Tensor inPlace = run(stack(layer), mode, format, backend, input, seed);
                        // the pipeline runs RandAugment's warps on its backend: the wrapped layer must too
                        KerasLayer bound = layer instanceof RandAugment r ? r.on(backend) : layer;
                        Tensor copied = run(stack(new Copying<>(bound)), mode, format, backend, input, seed);
                        Tensor warpOnly = run(geometric(), mode, format, backend, input, seed);
                        assertFalse(java.util.Arrays.equals(warpOnly.data(), inPlace.data()),
                                what + ": the layer changes the batch");
                        assertArrayEquals(copied.data(), inPlace.data(), what);
                        checked++;
                    }
                }
            }
        }
        assertEquals(inPlaceLayers().length * BACKENDS.size() * KerasPipeline.Mode.values().length
                * DataFormat.values().length, checked);
    }

    @Test
    @SuppressWarnings("unchecked")
    void layersInPlaceTouchOnlyTheirSlot() {
        SplittableRandom r = new SplittableRandom(9);
        for (KerasLayer layer : inPlaceLayers()) {
            PixelStep<Object> step = (PixelStep<Object>) layer.step();
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(9, 11, 3, format);
                int size = 9 * 11 * 3;
                for (int draw = 0; draw < 6; draw++) {
                    float[] data = batch(3, 9, 11, 3, format, draw % 2 == 0, draw).data();
                    Object params = step.draw(shape, r);
                    while (params == null) {
                        // a draw of null skips the layer for that image (RandomErasing's, at times)
                        params = step.draw(shape, r);
                    }
                    float[] expected = data.clone();
                    Tensor middle = Tensor.of(java.util.Arrays.copyOfRange(data, size, 2 * size),
                            format.imageShape(9, 11, 3));
                    Tensor done = step.apply(params, middle, shape, SampleContext.NONE);
                    System.arraycopy(done.data(), 0, expected, size, size);
                    String what = layer.className() + " " + format + " draw " + draw;
                    assertTrue(step.applyInPlace(params, data, size, shape, SampleContext.NONE), what);
                    assertArrayEquals(expected, data, what);
                }
            }
        }
    }
}
