package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RandomElasticTransform against Keras 3.15.1: golden outputs for given transformations, draws, config. */
class RandomElasticTransformTest {
    private static final JsonNode GOLDEN = PerspectiveGolden.layer("RandomElasticTransform");

    @Test
    void matchesKerasForGivenTransformationsOnEveryBackend() {
        int cases = 0;
        int blurred = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            RandomElasticTransform layer = RandomElasticTransform.fromConfig(GeometricGolden.config(c.get("config")));
            JsonNode t = c.get("transformation");
            Tensor image = PerspectiveGolden.input(c.get("input").asText());
            Tensor expected = GeometricGolden.tensor(c.get("output"));
            if (t.isNull()) {
                ImageShape shape = new ImageShape(image.shape()[0], image.shape()[1], image.shape()[2],
                        DataFormat.CHANNELS_LAST);
                assertNull(layer.draw(shape, new SplittableRandom(1)), "Keras draws no transformation");
                assertArrayEquals(expected.data(), image.data(), "Keras leaves the image as it is");
                continue;
            }
            RandomElasticTransform.Elastic p = RandomElasticTransform.given(t.get("apply_transform").asBoolean(),
                    (float) GeometricGolden.scalar(t.get("distortion_factor")), PerspectiveGolden.floats(t.get("noise")));
            if (Math.min(image.shape()[0], image.shape()[1]) * 0.05 * p.distortionFactor() >= 1) {
                blurred++;
            }
            for (Backend b : GeometricGolden.BACKENDS) {
                GeometricGolden.assertClose("RandomElasticTransform " + c.get("config") + " " + c.get("input") + " on "
                        + b.name(), expected, PerspectiveGolden.apply(layer, p, b, image),
                        PerspectiveGolden.tolerance(GOLDEN, c));
            }
            cases++;
        }
        assertEquals(38, cases);
        assertTrue(blurred >= 4, "cases whose displacement is blurred over more than one tap: " + blurred);
    }

    @Test
    void configsRoundTrip() {
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = GeometricGolden.config(c.get("config"));
            KerasLayer layer = KerasLayers.fromConfig("RandomElasticTransform", config);
            assertEquals(config, layer.getConfig());
            assertEquals(List.copyOf(config.keySet()), List.copyOf(layer.getConfig().keySet()));
        }
        assertEquals(List.of("name", "trainable", "dtype", "data_format", "factor", "scale", "interpolation",
                "fill_mode", "fill_value", "value_range", "seed"),
                List.copyOf(new RandomElasticTransform().getConfig().keySet()));
        assertEquals(List.of(0, 1.0), new RandomElasticTransform().getConfig().get("scale"));
        assertEquals("reflect", new RandomElasticTransform().getConfig().get("fill_mode"));
    }

    @Test
    void refusesWhatKerasRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomElasticTransform.builder().scale(1.5).build());
        assertEquals("The `scale` argument should be a number (or a list of two numbers) in the range [0, 1]. "
                + "Received: factor=1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandomElasticTransform.builder().fillMode("mirror").build());
        assertTrue(e.getMessage().contains("fill_mode=mirror"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandomElasticTransform.builder().fillMode("edge").build());
        assertTrue(e.getMessage().startsWith("Unknown `fill_mode` edge."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandomElasticTransform.builder().interpolation("bicubic").build());
        assertEquals("Unknown `interpolation` bicubic. Expected of one ('nearest', 'bilinear').", e.getMessage());
    }

    /**
     * 2000 draws of the distortion factor and of the apply flag against Keras's, and the mean and standard
     * deviation of 2000 noise fields (8 x 8) against those of TensorFlow's fields.
     */
    @Test
    void drawsFollowKerasDistributions() {
        JsonNode d = PerspectiveGolden.distributions("RandomElasticTransform");
        RandomElasticTransform layer = RandomElasticTransform.fromConfig(GeometricGolden.config(d.get("config")));
        ImageShape shape = new ImageShape(8, 8, 1, DataFormat.CHANNELS_LAST);
        int n = 2000;
        double[] factors = new double[n];
        double[] applied = new double[n];
        double[] means = new double[n];
        double[] stds = new double[n];
        SplittableRandom rng = new SplittableRandom(33);
        for (int i = 0; i < n; i++) {
            RandomElasticTransform.Elastic p = layer.draw(shape, rng);
            factors[i] = p.distortionFactor();
            applied[i] = p.applied() ? 1 : 0;
            double sum = 0;
            for (float v : p.noise()) {
                sum += v;
            }
            double mean = sum / p.noise().length;
            double ss = 0;
            for (float v : p.noise()) {
                ss += (v - mean) * (v - mean);
            }
            means[i] = mean;
            stds[i] = Math.sqrt(ss / p.noise().length);
        }
        TwoSample.assertSameDistribution("distortion_factor", factors,
                PerspectiveGolden.doubles(d.get("distortion_factor")));
        TwoSample.assertSameDistribution("apply_transform", applied, PerspectiveGolden.doubles(d.get("apply_transform")));
        TwoSample.assertSameDistribution("noise mean", means, PerspectiveGolden.doubles(d.get("noise_mean")));
        TwoSample.assertSameDistribution("noise std", stds, PerspectiveGolden.doubles(d.get("noise_std")));
    }

    /** A drawn transformation that does not apply still clips to value_range, as Keras's where + clip does. */
    @Test
    void anImageNotMovedIsStillClipped() {
        RandomElasticTransform layer = RandomElasticTransform.builder().valueRange(0, 1).build();
        Tensor image = Tensor.of(new float[] {-0.5f, 0.25f, 1.5f, 0.75f}, 2, 2, 1);
        Tensor out = PerspectiveGolden.apply(layer, RandomElasticTransform.given(false, 0.5f, new float[4]),
                GeometricGolden.BACKENDS.get(0), image);
        assertArrayEquals(new float[] {0f, 0.25f, 1f, 0.75f}, out.data());
    }

    /** A zero distortion factor moves nothing (where TensorFlow's kernel would divide 0 by 0). */
    @Test
    void aZeroDistortionMovesNothing() {
        RandomElasticTransform layer = new RandomElasticTransform();
        Tensor image = PerspectiveGolden.input("int");
        float[] noise = new float[7 * 9];
        java.util.Arrays.fill(noise, 3f);
        Tensor out = PerspectiveGolden.apply(layer, RandomElasticTransform.given(true, 0f, noise),
                GeometricGolden.BACKENDS.get(0), image);
        assertArrayEquals(image.data(), out.data());
    }

    /**
     * RandomFlip, RandomPerspective and RandomElasticTransform drawn from a seed run alike in both modes (the
     * flip copies values, so fusing it changes nothing), give the same batch for the same seed, and keep the
     * values in the value range.
     */
    @Test
    void runInPipelinesInBothModes() {
        Tensor one = PerspectiveGolden.input("int");
        float[] two = new float[one.data().length * 2];
        System.arraycopy(one.data(), 0, two, 0, one.data().length);
        for (int k = 0; k < one.data().length; k++) {
            two[one.data().length + k] = 255 - one.data()[k];
        }
        Tensor batch = Tensor.of(two, 2, 7, 9, 3);
        List<KerasLayer> layers = List.of(new RandomFlip("horizontal", null, null),
                RandomPerspective.builder().factor(1.0, 1.0).build(),
                RandomElasticTransform.builder().factor(1.0, 1.0).build());
        for (Backend b : GeometricGolden.BACKENDS) {
            Tensor fused = KerasPipeline.builder().layers(layers).backend(b).build().apply(batch, 11);
            Tensor reference = KerasPipeline.builder().layers(layers).mode(KerasPipeline.Mode.KERAS_REFERENCE)
                    .backend(b).build().apply(batch, 11);
            assertArrayEquals(reference.data(), fused.data(), b.name());
            assertArrayEquals(fused.data(), KerasPipeline.builder().layers(layers).backend(b).build()
                    .apply(batch, 11).data(), "same seed, same batch");
            boolean moved = false;
            for (int k = 0; k < two.length; k++) {
                float v = fused.data()[k];
                assertTrue(v >= 0 && v <= 255, "in the value range: " + v);
                moved |= v != two[k];
            }
            assertTrue(moved);
        }
    }
}
