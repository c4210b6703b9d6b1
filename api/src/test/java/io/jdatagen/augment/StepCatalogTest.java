package io.jdatagen.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StepCatalogTest {
    @Test
    void buildsABuiltInStepFromItsConfig() {
        Step s = StepCatalog.create("mean_contrast", Map.of("low", 0.5, "high", 1.5));
        assertInstanceOf(MeanContrast.class, s);
        assertEquals("mean_contrast", s.name());
        assertTrue(StepCatalog.names().contains("mean_contrast"));
    }

    @Test
    void namesTheUnknownStepAndTheBadArgument() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StepCatalog.create("random_blur", Map.of()));
        assertTrue(unknown.getMessage().contains("unknown step 'random_blur'; known steps: ["), unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> StepCatalog.create("mean_contrast", Map.of("low", "x", "high", 1)));
        assertEquals("step argument 'low' must be a number; got: x", bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StepCatalog.create("mean_contrast", Map.of("low", 2, "high", 1)));
    }
}
