package io.jdatagen.property;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendSelector;
import io.jdatagen.spi.Backends;
import java.util.List;

/** Every backend available in this JVM, so that golden cases and properties run through each of them. */
public final class AvailableBackends {
    private AvailableBackends() {
    }

    /** A new instance of every available backend, highest priority first. */
    public static List<Backend> all() {
        return Backends.providers().stream().filter(s -> s.availability().available())
                .map(BackendSelector.ProviderStatus::name).map(Backends::named).toList();
    }
}
