package io.jdatagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.image.ImageDataGenerator;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link ImageDataGenerator#fromJson}: any text either builds a generator whose
 * {@code toJson()} reads back to the same config, or fails with an {@code IllegalArgumentException}.
 */
class GeneratorJsonFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void fromJson(String json) {
        ImageDataGenerator generator;
        try {
            generator = ImageDataGenerator.fromJson(json);
        } catch (IllegalArgumentException expected) {
            return;
        }
        String written = generator.toJson();
        if (!ImageDataGenerator.fromJson(written).getConfig().equals(generator.getConfig())) {
            throw new AssertionError("config does not round-trip: " + json + " -> " + written);
        }
    }
}
