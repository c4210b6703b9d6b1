package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RandomPerspective against Keras 3.15.1: golden outputs for given transformations, draws, config, fusion. */
class RandomPerspectiveTest {
    private static final JsonNode GOLDEN = PerspectiveGolden.layer("RandomPerspective");

    @Test
    void matchesKerasForGivenTransformationsOnEveryBackend() {
        int cases = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            RandomPerspective layer = RandomPerspective.fromConfig(GeometricGolden.config(c.get("config")));
            JsonNode t = c.get("transformation");
            Tensor image = PerspectiveGolden.input(c.get("input").asText());
            float[][] start = PerspectiveGolden.points(t.get("start_points"));
            ImageShape shape = new ImageShape(image.shape()[0], image.shape()[1], image.shape()[2],
                    DataFormat.CHANNELS_LAST);
            assertArrayEquals(start, RandomPerspective.corners(shape), "Keras's start points");
            RandomPerspective.Perspective p = RandomPerspective.given(t.get("apply_perspective").asBoolean(), start,
                    PerspectiveGolden.points(t.get("end_points")));
            for (Backend b : GeometricGolden.BACKENDS) {
                GeometricGolden.assertClose("RandomPerspective " + c.get("config") + " " + c.get("input") + " on "
                        + b.name(), GeometricGolden.tensor(c.get("output")), PerspectiveGolden.apply(layer, p, b, image),
                        PerspectiveGolden.tolerance(GOLDEN, c));
            }
            cases++;
        }
        assertEquals(13, cases);
    }

    @Test
    void configsRoundTrip() {
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = GeometricGolden.config(c.get("config"));
            RandomPerspective layer = (RandomPerspective) KerasLayers.fromConfig("RandomPerspective", config);
            assertEquals(config, layer.getConfig());
            assertEquals(List.copyOf(config.keySet()), List.copyOf(layer.getConfig().keySet()));
        }
        assertEquals(List.of("name", "trainable", "dtype", "data_format", "factor", "scale", "interpolation",
                "fill_value", "seed"), List.copyOf(new RandomPerspective().getConfig().keySet()));
        assertEquals(List.of(0, 1.0), new RandomPerspective().getConfig().get("factor"));
    }

    @Test
    void refusesWhatKerasRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomPerspective.builder().scale(1.5).build());
        assertEquals("The `scale` argument should be a number in the range [0,1]. Received: scale=1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandomPerspective.builder().interpolation("bicubic").build());
        assertEquals("Unknown `interpolation` bicubic. Expected of one ('nearest', 'bilinear').", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RandomPerspective.builder().factor(1.5).build());
        assertTrue(e.getMessage().startsWith("The `factor` argument should be a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandomPerspective.fromConfig(Map.of("fill_mode", "reflect")));
        assertTrue(e.getMessage().contains("'fill_mode'"), e.getMessage());
    }

    /** 2000 draws of the four moving corner offsets and of the apply flag, against Keras's. */
    @Test
    void drawsFollowKerasDistributions() {
        JsonNode d = PerspectiveGolden.distributions("RandomPerspective");
        RandomPerspective layer = RandomPerspective.fromConfig(GeometricGolden.config(d.get("config")));
        ImageShape shape = new ImageShape(d.get("image").get(0).asInt(), d.get("image").get(1).asInt(), 1,
                DataFormat.CHANNELS_LAST);
        int n = 2000;
        double[][] offsets = new double[4][n];
        double[] applied = new double[n];
        SplittableRandom rng = new SplittableRandom(32);
        for (int i = 0; i < n; i++) {
            RandomPerspective.Perspective p = layer.draw(shape, rng);
            float[][] s = p.start();
            float[][] e = p.end();
            assertEquals(0f, e[0][0]);
            assertEquals(0f, e[0][1]);
            assertEquals(0f, e[1][1]);
            assertEquals(0f, e[2][0]);
            offsets[0][i] = e[1][0] - s[1][0];
            offsets[1][i] = e[2][1] - s[2][1];
            offsets[2][i] = e[3][0] - s[3][0];
            offsets[3][i] = e[3][1] - s[3][1];
            applied[i] = p.applied() ? 1 : 0;
        }
        String[] keys = {"offset_1x", "offset_2y", "offset_3x", "offset_3y"};
        for (int k = 0; k < 4; k++) {
            TwoSample.assertSameDistribution(keys[k], offsets[k], PerspectiveGolden.doubles(d.get(keys[k])));
        }
        TwoSample.assertSameDistribution("apply_perspective", applied,
                PerspectiveGolden.doubles(d.get("apply_perspective")));
    }

    /**
     * In the fused mode RandomRotation, RandomPerspective, RandomZoom give what the three give as three
     * segments (three resamplings): the perspective ends the rotation's run and starts no fusion.
     */
    @Test
    void fusedStackEqualsThePerspectiveAsItsOwnSegment() {
        RandomRotation rotation = RandomRotation.fromConfig(Map.of("factor", 0.1, "fill_mode", "constant",
                "fill_value", 37.0));
        RandomPerspective perspective = RandomPerspective.fromConfig(Map.of("fill_value", 37.0));
        RandomZoom zoom = RandomZoom.fromConfig(Map.of("height_factor", 0.2, "fill_mode", "constant",
                "fill_value", 37.0));
        Tensor image = PerspectiveGolden.input("int");
        ImageShape shape = new ImageShape(7, 9, 3, DataFormat.CHANNELS_LAST);
        RandomPerspective.Perspective p = perspective.draw(shape, new SplittableRandom(5));
        p = RandomPerspective.given(true, p.start(), p.end());
        Map<KerasLayer, Object> given = new LinkedHashMap<>();
        given.put(rotation, RandomRotation.given(12.0));
        given.put(perspective, p);
        given.put(zoom, RandomZoom.given(0.15, -0.1));
        for (Backend b : GeometricGolden.BACKENDS) {
            KerasPipeline fused = KerasPipeline.builder().layers(rotation, perspective, zoom)
                    .mode(KerasPipeline.Mode.FUSED).backend(b).build();
            assertEquals(2, LayerSegments.split(fused.layers(), KerasPipeline.Mode.FUSED, b, DataFormat.CHANNELS_LAST)
                    .segments().size(), "rotation + perspective, then zoom");
            Tensor x = image;
            for (KerasLayer l : List.<KerasLayer>of(rotation, perspective, zoom)) {
                Step step = l.step();
                StepPipeline one = new StepPipeline(List.of(step),
                        l.resampling() == null ? LayerSegments.IDENTITY : l.resampling(), b,
                        DataFormat.CHANNELS_LAST, null, null);
                x = one.transformImage(x, null, one.given(Map.of(step, given.get(l))));
            }
            Tensor y = fused.transformGiven(image, given);
            assertArrayEquals(x.shape(), y.shape(), b.name());
            assertArrayEquals(x.data(), y.data(), b.name());
            boolean moved = false;
            for (int k = 0; k < image.data().length; k++) {
                moved |= image.data()[k] != y.data()[k];
            }
            assertTrue(moved, "the stack changes the image");
        }
    }
}
