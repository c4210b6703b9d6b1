package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Equalization against Keras 3.15.1: each image equals Keras's equalization of that image. */
class EqualizationTest {
    private static final JsonNode GOLDEN = BatchGolden.layer("Equalization");

    @Test
    void imagesEqualKeras() {
        double tolerance = GOLDEN.get("tolerance").asDouble();
        int checked = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = BatchGolden.config(c);
            Equalization layer = Equalization.fromConfig(config);
            assertEquals(config, layer.getConfig(), "the config round trip");
            Tensor images = BatchGolden.tensor(c.get("images"));
            Tensor expected = BatchGolden.tensor(c.get("output_images"));
            DataFormat format = "channels_first".equals(config.get("data_format"))
                    ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            double range = Math.abs(((Number) ((List<?>) config.get("value_range")).get(1)).doubleValue()
                    - ((Number) ((List<?>) config.get("value_range")).get(0)).doubleValue());
            for (int i = 0; i < images.dim(0); i++) {
                String what = "Equalization " + config + " " + c.get("kind").asText() + " image " + i;
                for (var backend : BatchGolden.BACKENDS) {
                    Tensor out = BatchGolden.throughPipeline(layer, Boolean.TRUE, images.item(i), format, backend);
                    BatchGolden.assertClose(what + " on " + backend.name(), expected.item(i), out, tolerance * range);
                }
                checked++;
            }
        }
        assertEquals(14, checked);
    }

    @Test
    void nothingIsDrawnAndTheStreamIsLeftAlone() {
        SplittableRandom rng = new SplittableRandom(1);
        long next = new SplittableRandom(1).nextLong();
        assertEquals(Boolean.TRUE, new Equalization().draw(null, rng));
        assertEquals(next, rng.nextLong());
    }

    @Test
    void kerasValidationDefaultsAndTheRegistry() {
        Map<String, Object> defaults = new Equalization().getConfig();
        assertEquals(256, defaults.get("bins"));
        assertEquals(List.of(0, 255), defaults.get("value_range"));
        assertEquals(defaults, Equalization.fromConfig(Map.of()).getConfig());
        assertEquals(List.of(0.0, 1.0), new Equalization(List.of(1.0, 0.0), 64).getConfig().get("value_range"));
        assertInstanceOf(Equalization.class, KerasLayers.fromConfig("Equalization", defaults));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Equalization.fromConfig(Map.of("value_range", 255)));
        assertEquals("The `value_range` argument should be a list of two numbers. Received: value_range=255",
                range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Equalization.fromConfig(Map.of("bins", 0)));
    }
}
