package io.jdatagen.aparapi;

import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import org.junit.jupiter.api.Assumptions;

/** The aparapi backend for tests, or a skip (a failure when {@code JDATAGEN_REQUIRE_OPENCL=1}). */
final class OpenClTestSupport {
    private OpenClTestSupport() {
    }

    static Backend backendOrSkip() {
        AparapiBackendProvider provider = new AparapiBackendProvider();
        Availability a = provider.probe();
        if (!a.available() && "1".equals(System.getenv("JDATAGEN_REQUIRE_OPENCL"))) {
            throw new AssertionError("JDATAGEN_REQUIRE_OPENCL=1 but the aparapi backend is unavailable: "
                    + a.reason());
        }
        Assumptions.assumeTrue(a.available(), "no OpenCL device here: " + a.reason());
        return provider.create();
    }
}
