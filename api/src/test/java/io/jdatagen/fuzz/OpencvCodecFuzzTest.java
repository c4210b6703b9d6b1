package io.jdatagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.io.ImageCodecs;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the OpenCV codec as {@link ImageioCodecFuzzTest} fuzzes the pure-Java one. */
class OpencvCodecFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void decode(byte[] bytes) {
        CodecFuzzing.decode(ImageCodecs.named("opencv"), bytes);
    }
}
