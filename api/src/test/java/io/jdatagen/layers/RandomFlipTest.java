package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.spi.Backend;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomFlipTest {
    @Test
    void matchesKerasOnEveryGoldenCase() {
        JsonNode layer = GeometricGolden.layer("RandomFlip");
        int n = 0;
        for (JsonNode c : layer.get("cases")) {
            RandomFlip f = RandomFlip.fromConfig(GeometricGolden.config(c.get("config")));
            Boolean p = RandomFlip.given(c.get("transformation").get("flips").asBoolean());
            for (Backend b : GeometricGolden.BACKENDS) {
                GeometricGolden.assertClose("RandomFlip " + c.get("config") + " " + c.get("input") + " on " + b.name(),
                        GeometricGolden.tensor(c.get("output")), GeometricGolden.apply(f, p, f.resampling(), b,
                        GeometricGolden.input(c.get("input").asText())), GeometricGolden.tolerance(layer, c));
            }
            n++;
        }
        assertEquals(12, n);
    }

    @Test
    void configRoundTripsAndDrawsFollowKeras() {
        JsonNode d = GeometricGolden.root().get("distributions").get("RandomFlip");
        Map<String, Object> config = GeometricGolden.config(d.get("config"));
        RandomFlip f = RandomFlip.fromConfig(config);
        assertEquals(config, f.getConfig());
        assertEquals(config, KerasLayers.fromConfig("RandomFlip", config).getConfig());
        double[] keras = GeometricGolden.doubles(d.get("flips"));
        double[] ours = new double[keras.length];
        SplittableRandom rng = new SplittableRandom(11);
        ImageShape shape = new ImageShape(8, 8, 1, DataFormat.CHANNELS_LAST);
        for (int i = 0; i < ours.length; i++) {
            ours[i] = f.draw(shape, rng) == null ? 0 : 1;
        }
        TwoSample.assertSameDistribution("RandomFlip flips", ours, keras);
    }

    @Test
    void refusesAnUnknownMode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomFlip("diagonal", null, null));
        assertTrue(e.getMessage().contains("diagonal"), e.getMessage());
    }
}
