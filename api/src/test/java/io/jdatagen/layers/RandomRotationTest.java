package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomRotationTest {
    @Test
    void matchesKerasOnEveryGoldenCase() {
        JsonNode layer = GeometricGolden.layer("RandomRotation");
        int n = 0;
        for (JsonNode c : layer.get("cases")) {
            RandomRotation r = RandomRotation.fromConfig(GeometricGolden.config(c.get("config")));
            Double p = RandomRotation.given(GeometricGolden.scalar(c.get("transformation").get("angle")));
            GeometricGolden.assertAffineCase(layer, c, r, p);
            n++;
        }
        assertEquals(32, n);
    }

    @Test
    void configRoundTripsAndDrawsFollowKeras() {
        JsonNode d = GeometricGolden.root().get("distributions").get("RandomRotation");
        Map<String, Object> config = GeometricGolden.config(d.get("config"));
        RandomRotation r = RandomRotation.fromConfig(config);
        assertEquals(config, r.getConfig());
        assertEquals(config, KerasLayers.fromConfig("RandomRotation", config).getConfig());
        double[] keras = GeometricGolden.doubles(d.get("angle"));
        double[] ours = new double[keras.length];
        SplittableRandom rng = new SplittableRandom(12);
        ImageShape shape = new ImageShape(8, 8, 1, DataFormat.CHANNELS_LAST);
        for (int i = 0; i < ours.length; i++) {
            ours[i] = r.draw(shape, rng);
        }
        TwoSample.assertSameDistribution("RandomRotation angle", ours, keras);
    }

    @Test
    void refusesWhatKerasRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomRotation(1.5));
        assertTrue(e.getMessage().contains("factor=1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomRotation(new double[] {0.1}, "mirror",
                "bilinear", null, 0, null));
        assertTrue(e.getMessage().contains("Unknown `fill_mode` mirror"), e.getMessage());
    }
}
