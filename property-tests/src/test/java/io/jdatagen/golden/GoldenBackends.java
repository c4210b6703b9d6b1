package io.jdatagen.golden;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendSelector;
import io.jdatagen.spi.Backends;
import java.util.List;

/** Every backend available in this JVM, so that golden cases run through each of them. */
final class GoldenBackends {
    private GoldenBackends() {
    }

    static List<Backend> available() {
        return Backends.providers().stream().filter(s -> s.availability().available())
                .map(BackendSelector.ProviderStatus::name).map(Backends::named).toList();
    }
}
