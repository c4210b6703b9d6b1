package io.jdatagen.spi.reference;

import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendProvider;

/** Provides the {@link ReferenceBackend}: priority 0, always available. */
public final class ReferenceBackendProvider implements BackendProvider {
    /** Creates the provider ({@link java.util.ServiceLoader} calls it). */
    public ReferenceBackendProvider() {
        // The backend is built on demand.
    }

    @Override
    public String name() {
        return ReferenceBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability probe() {
        return Availability.available("plain Java, always available");
    }

    @Override
    public Backend create() {
        return new ReferenceBackend();
    }
}
