package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every family of layer configs refuses an unknown key with the one message, naming the keys it takes. */
class UnknownKeysTest {
    private static String refusal(Runnable read) {
        return assertThrows(IllegalArgumentException.class, read::run).getMessage();
    }

    @Test
    void colorLayersRefuseAnUnknownKey() {
        String m = refusal(() -> RandomContrast.fromConfig(Map.of("factor", 0.2, "bogus", 1)));
        assertTrue(m.startsWith("Unrecognized keyword argument passed to RandomContrast: 'bogus'; its config keys"
                + " are [name, trainable, dtype, "), m);
        assertTrue(m.contains("factor") && m.contains("value_range"), m);
    }

    @Test
    void geometricLayersRefuseAnUnknownKey() {
        assertEquals("Unrecognized keyword argument passed to RandomFlip: 'bogus'; its config keys are [name,"
                + " trainable, dtype, data_format, bounding_box_format, seed, mode]",
                refusal(() -> RandomFlip.fromConfig(Map.of("bogus", 1))));
    }

    @Test
    void batchLayersRefuseAnUnknownKey() {
        assertEquals("Unrecognized keyword argument passed to mix_up: 'bogus'; its config keys are [name, trainable,"
                + " dtype, data_format, bounding_box_format, alpha, seed]",
                refusal(() -> MixUp.fromConfig(Map.of("bogus", 1))));
    }
}
