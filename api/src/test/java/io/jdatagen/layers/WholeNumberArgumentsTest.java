package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whole-number arguments beyond int's range, as a JSON config can hold them (Jackson reads them as longs),
 * are refused naming the argument instead of wrapping into another value: 2^32 + 224 used to become 224.
 */
class WholeNumberArgumentsTest {
    private static final long WRAPS_TO_224 = (1L << 32) + 224;

    @Test
    void argumentsPastIntsRangeAreRefusedByName() {
        refused("`height`", Resizing::fromConfig, Map.of("height", WRAPS_TO_224, "width", 224));
        refused("`width`", CenterCrop::fromConfig, Map.of("height", 224, "width", WRAPS_TO_224));
        refused("`height`", RandomCrop::fromConfig, Map.of("height", WRAPS_TO_224, "width", 224));
        refused("bins", Equalization::fromConfig, Map.of("bins", (1L << 32) + 256));
        refused("tile_grid_size", ContrastLimitedAdaptiveHistogramEqualization::fromConfig,
                Map.of("value_range", List.of(0, 255), "tile_grid_size", List.of((1L << 32) + 8, 8)));
        refused("kernel_size", RandomGaussianBlur::fromConfig, Map.of("kernel_size", (1L << 32) + 3));
        refused("max_number", MaxNumBoundingBoxes::fromConfig, Map.of("max_number", (1L << 32) + 2));
    }

    @Test
    void wholeNumbersWithinRangeStillRead() {
        assertEquals(224, Resizing.fromConfig(Map.of("height", 224L, "width", 112.0)).getConfig().get("height"));
        assertEquals(-7, LayerConfig.intOf(-7L, "x"));
        assertEquals(3, LayerConfig.intOf(3.0, "x"));
        assertThrows(IllegalArgumentException.class, () -> LayerConfig.intOf(2.5, "x"));
        assertThrows(IllegalArgumentException.class, () -> LayerConfig.intOf(Double.NaN, "x"));
    }

    private static void refused(String key, Function<Map<String, Object>, ?> fromConfig, Map<String, Object> config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromConfig.apply(config),
                key + " in " + config);
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
