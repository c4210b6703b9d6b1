package io.jdatagen.spi.scalar;

import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendProvider;

/**
 * Provides the {@link ScalarBackend}: always available, priority 50, so that it is chosen where
 * {@code simd} is not (a JVM without {@code --add-modules jdk.incubator.vector}, or JDK 17-20,
 * where the Vector API is slow) and the reference stays the oracle.
 */
public final class ScalarBackendProvider implements BackendProvider {
    /** Creates the provider ({@link java.util.ServiceLoader} calls it). */
    public ScalarBackendProvider() {
        // The backend is built on demand.
    }

    @Override
    public String name() {
        return ScalarBackend.NAME;
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Availability probe() {
        return Availability.available("plain Java, any JDK; the fast path without the Vector API");
    }

    @Override
    public Backend create() {
        return new ScalarBackend();
    }
}
