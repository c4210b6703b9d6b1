package io.jdatagen.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide backend: discovered with {@link ServiceLoader}, chosen once. The system
 * property {@value #PROPERTY} beats the environment variable {@value #ENVIRONMENT}, which beats
 * automatic selection (highest priority among available providers). The choice is logged once,
 * through SLF4J at INFO, in one line saying what was chosen and which providers were skipped and
 * why; a provider that cannot be loaded at all is logged at INFO too, as an unavailable one is:
 * neither stops the library, which falls back to the next provider.
 */
public final class Backends {
    /** System property naming the backend to use. */
    public static final String PROPERTY = "jdatagen.backend";
    /** Environment variable naming the backend to use (the system property wins). */
    public static final String ENVIRONMENT = "JDATAGEN_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static BackendSelector selector;
    private static BackendSelector.Selection current;

    private Backends() {
    }

    /**
     * {@return the selected backend, chosen on first use}
     *
     * @throws IllegalArgumentException if a backend is named but unknown or unavailable
     */
    public static synchronized Backend current() {
        if (current == null) {
            current = selector().select(requestedName());
            LOG.info(current.explanation());
        }
        return current.backend();
    }

    /**
     * {@return a new instance of the named backend, whatever the process-wide choice}
     *
     * @throws IllegalArgumentException if the name is unknown or the backend unavailable
     */
    public static Backend named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("backend name must not be empty. Providers: "
                    + selector().listing());
        }
        return selector().select(name).backend();
    }

    /** {@return every provider on the class path with its probe result, highest priority first} */
    public static List<BackendSelector.ProviderStatus> providers() {
        return selector().statuses();
    }

    /** {@return a table of every provider (name, priority, availability, reason); {@code *} marks the selected one} */
    public static String describe() {
        return selector().describe(current().name());
    }

    /** {@return the backend name asked for by {@value #PROPERTY} or {@value #ENVIRONMENT}, or null} */
    public static String requestedName() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv(ENVIRONMENT);
        return e == null || e.isBlank() ? null : e;
    }

    private static synchronized BackendSelector selector() {
        if (selector == null) {
            selector = new BackendSelector(discover());
        }
        return selector;
    }

    private static List<BackendProvider> discover() {
        List<BackendProvider> providers = new ArrayList<>();
        var iterator = ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                providers.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                LOG.info("jdatagen: a backend provider could not be loaded and is skipped: {}", e.getMessage());
            }
        }
        return providers;
    }
}
