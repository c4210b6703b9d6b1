package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras's CLAHE against Keras 3.15.1: each image equals Keras's. */
class ContrastLimitedAdaptiveHistogramEqualizationTest {
    private static final JsonNode GOLDEN = BatchGolden.layer("ContrastLimitedAdaptiveHistogramEqualization");

    @Test
    void imagesEqualKeras() {
        double tolerance = GOLDEN.get("tolerance").asDouble();
        int checked = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = BatchGolden.config(c);
            ContrastLimitedAdaptiveHistogramEqualization layer =
                    ContrastLimitedAdaptiveHistogramEqualization.fromConfig(config);
            assertEquals(config, layer.getConfig(), "the config round trip");
            Tensor images = BatchGolden.tensor(c.get("images"));
            Tensor expected = BatchGolden.tensor(c.get("output_images"));
            DataFormat format = "channels_first".equals(config.get("data_format"))
                    ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            for (int i = 0; i < images.dim(0); i++) {
                String what = "CLAHE " + config + " " + c.get("kind").asText() + " image " + i;
                for (var backend : BatchGolden.BACKENDS) {
                    Tensor out = BatchGolden.throughPipeline(layer, Boolean.TRUE, images.item(i), format, backend);
                    BatchGolden.assertClose(what + " on " + backend.name(), expected.item(i), out,
                            tolerance * BatchGolden.range(c));
                }
                checked++;
            }
        }
        assertEquals(9, checked);
    }

    @Test
    void defaultsValidationAndTheRegistry() {
        Map<String, Object> defaults = new ContrastLimitedAdaptiveHistogramEqualization().getConfig();
        assertEquals(List.of(0, 255), defaults.get("value_range"));
        assertEquals(4.0, defaults.get("clip_limit"));
        assertEquals(List.of(8, 8), defaults.get("tile_grid_size"));
        assertEquals(defaults, ContrastLimitedAdaptiveHistogramEqualization.fromConfig(Map.of()).getConfig());
        assertInstanceOf(ContrastLimitedAdaptiveHistogramEqualization.class,
                KerasLayers.fromConfig("ContrastLimitedAdaptiveHistogramEqualization", defaults));
        assertThrows(IllegalArgumentException.class, () -> ContrastLimitedAdaptiveHistogramEqualization.fromConfig(
                Map.of("tile_grid_size", List.of(0, 2))));
        assertThrows(IllegalArgumentException.class, () -> ContrastLimitedAdaptiveHistogramEqualization.fromConfig(
                Map.of("value_range", List.of(1, 1))));
    }

    @Test
    void theBuilderWritesKerasArguments() {
        ContrastLimitedAdaptiveHistogramEqualization layer = ContrastLimitedAdaptiveHistogramEqualization.builder()
                .valueRange(0, 1).clipLimit(2).tileGridSize(4, 6).dataFormat(DataFormat.CHANNELS_FIRST).build();
        Map<String, Object> config = layer.getConfig();
        assertEquals(List.of(0.0, 1.0), config.get("value_range"));
        assertEquals(2.0, config.get("clip_limit"));
        assertEquals(List.of(4, 6), config.get("tile_grid_size"));
        assertEquals("channels_first", config.get("data_format"));
        assertEquals(config, ContrastLimitedAdaptiveHistogramEqualization.fromConfig(config).getConfig());
    }
}
