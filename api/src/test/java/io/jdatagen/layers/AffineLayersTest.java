package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** RandomTranslation, RandomZoom and RandomShear against Keras's goldens, configs and draws. */
class AffineLayersTest {
    private static <L extends AffineLayer<double[]>> void goldens(String name, Function<Map<String, Object>, L> load,
            Function<JsonNode, double[]> given) {
        JsonNode layer = GeometricGolden.layer(name);
        int n = 0;
        for (JsonNode c : layer.get("cases")) {
            L l = load.apply(GeometricGolden.config(c.get("config")));
            GeometricGolden.assertAffineCase(layer, c, l, given.apply(c.get("transformation")));
            n++;
        }
        assertEquals(32, n, name + " golden cases");
    }

    private static double[][] draws(AffineLayer<double[]> layer, int h, int w, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ImageShape shape = new ImageShape(h, w, 1, DataFormat.CHANNELS_LAST);
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            double[] p = layer.draw(shape, rng);
            out[0][i] = p[0];
            out[1][i] = p[1];
        }
        return out;
    }

    private static Map<String, Object> roundTrip(String name) {
        JsonNode d = GeometricGolden.root().get("distributions").get(name);
        Map<String, Object> config = GeometricGolden.config(d.get("config"));
        assertEquals(config, KerasLayers.fromConfig(name, config).getConfig(), name + " config round trip");
        return config;
    }

    @Test
    void translationMatchesKeras() {
        goldens("RandomTranslation", RandomTranslation::fromConfig, t -> {
            JsonNode tr = t.get("translations").get(0);
            return RandomTranslation.given(tr.get(0).asDouble(), tr.get(1).asDouble());
        });
        JsonNode d = GeometricGolden.root().get("distributions").get("RandomTranslation");
        RandomTranslation layer = RandomTranslation.fromConfig(roundTrip("RandomTranslation"));
        double[][] ours = draws(layer, d.get("image").get(0).asInt(), d.get("image").get(1).asInt(), 2000, 13);
        TwoSample.assertSameDistribution("width_translate", ours[0],
                GeometricGolden.doubles(d.get("width_translate")));
        TwoSample.assertSameDistribution("height_translate", ours[1],
                GeometricGolden.doubles(d.get("height_translate")));
    }

    @Test
    void zoomMatchesKeras() {
        goldens("RandomZoom", RandomZoom::fromConfig, t -> RandomZoom.given(
                GeometricGolden.scalar(t.get("height_zoom")), GeometricGolden.scalar(t.get("width_zoom"))));
        JsonNode d = GeometricGolden.root().get("distributions").get("RandomZoom");
        RandomZoom layer = RandomZoom.fromConfig(roundTrip("RandomZoom"));
        double[][] ours = draws(layer, 8, 8, 2000, 14);
        TwoSample.assertSameDistribution("height_zoom", ours[0], GeometricGolden.doubles(d.get("height_zoom")));
        TwoSample.assertSameDistribution("width_zoom", ours[1], GeometricGolden.doubles(d.get("width_zoom")));
    }

    @Test
    void shearMatchesKeras() {
        goldens("RandomShear", RandomShear::fromConfig, t -> {
            JsonNode s = t.get("shear_factor").get(0);
            return RandomShear.given(s.get(0).asDouble(), s.get(1).asDouble());
        });
        JsonNode d = GeometricGolden.root().get("distributions").get("RandomShear");
        RandomShear layer = RandomShear.fromConfig(roundTrip("RandomShear"));
        double[][] ours = draws(layer, 8, 8, 2000, 15);
        TwoSample.assertSameDistribution("shear_x", ours[0], GeometricGolden.doubles(d.get("shear_x")));
        TwoSample.assertSameDistribution("shear_y", ours[1], GeometricGolden.doubles(d.get("shear_y")));
    }

    @Test
    void zoomWithoutWidthFactorKeepsTheAspectRatio() {
        double[] p = new RandomZoom(0.3).draw(new ImageShape(5, 7, 3, DataFormat.CHANNELS_LAST),
                new SplittableRandom(1));
        assertEquals(p[0], p[1]);
    }

    @Test
    void refusesWhatKerasRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomZoom(-1.0));
        assertTrue(e.getMessage().contains("(-1.0, 1.0]") && e.getMessage().contains("input_number=-1.0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomShear(-0.1, 0));
        assertTrue(e.getMessage().contains("[0, 1.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomTranslation(1.2, 0));
        assertTrue(e.getMessage().contains("[-1.0, 1.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RandomTranslation.fromConfig(Map.of("height_factor",
                0.1)));
        assertTrue(e.getMessage().contains("width_factor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RandomShear.fromConfig(Map.of("shear", 0.1)));
        assertTrue(e.getMessage().contains("'shear'"), e.getMessage());
    }
}
