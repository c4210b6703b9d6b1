package io.jdatagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.layers.KerasPipeline;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link KerasPipeline#fromJson}: any bytes, read as UTF-8 text, either build a pipeline or fail
 * with the {@code IllegalArgumentException} it documents.
 */
class KerasConfigFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void fromJson(byte[] bytes) {
        try {
            KerasPipeline.fromJson(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            // a malformed config or one naming a layer or argument Keras does not have
        }
    }
}
