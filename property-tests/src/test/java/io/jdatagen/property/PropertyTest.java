package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine itself: it must find failures, shrink them, and name the seed. */
class PropertyTest {
    @Test
    void reportsTheSmallestFailingSizeWithItsSeed() {
        AssertionError e = assertThrows(AssertionError.class, () -> Property.forAll("size below 7", 50, 20,
                (random, size) -> size, size -> assertTrue(size < 7, "size " + size)));
        assertTrue(e.getMessage().contains("size=7 case=7"), e.getMessage());
        assertTrue(e.getMessage().contains("-Djdatagen.property.seed="), e.getMessage());
    }

    @Test
    void runsEveryTrialWhenThePropertyHolds() {
        List<Integer> sizes = new ArrayList<>();
        Property.forAll("always", 10, 100, (random, size) -> size, sizes::add);
        assertEquals(10, sizes.size());
        assertEquals(1, sizes.get(0));
        assertEquals(100, sizes.get(9));
    }
}
