package io.jdatagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.io.ImageCodecs;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the pure-Java codec: any bytes either decode or fail with an {@code IOException}; never
 * another exception, a hang or an out-of-memory error. In regression mode (every build) it replays
 * the seed corpus and past findings; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 */
class ImageioCodecFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void decode(byte[] bytes) {
        CodecFuzzing.decode(ImageCodecs.named("imageio"), bytes);
    }
}
