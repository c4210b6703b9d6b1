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
 *
 * <p>When automatic selection chooses {@code simd} (no backend named), the process-wide backend
 * starts warm: warps and Pillow resampling run on {@code scalar}, which writes the same bytes and is
 * fast from its first call, while a daemon thread drives {@code simd} over small synthetic inputs
 * until the JIT has compiled its kernels (about 6.5 CPU-s on JDK 25), then every later call runs on
 * {@code simd}. With 4 processors or more the thread starts at once; with fewer it starts after
 * 2,000 images have been warped on {@code scalar}, so that short jobs do not share their cores with
 * it. The thread ends when it has switched; it never starts when a backend is named, nor
 * where {@code simd} is not the automatic choice. {@link #warmStart()} says where it stands.
 */
public final class Backends {
    /** System property naming the backend to use. */
    public static final String PROPERTY = "jdatagen.backend";
    /** Environment variable naming the backend to use (the system property wins). */
    public static final String ENVIRONMENT = "JDATAGEN_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static BackendSelector selector;
    private static BackendSelector.Selection current;
    private static Backend backend;
    private static WarmStartBackend warmStart;
    /** The automatic choice that starts warm, and the backend writing its bytes from the first call. */
    private static final String WARM_TARGET = "simd";
    private static final String WARM_COLD = io.jdatagen.spi.scalar.ScalarBackend.NAME;
    /** From this many processors the warm-up starts at once: it takes about one core for a few seconds. */
    private static final int SPARE_CORE_PROCESSORS = 4;
    /**
     * Below {@link #SPARE_CORE_PROCESSORS}, images warped on {@code scalar} before switching to {@code simd}
     * without a side warm-up: simd's cold calls cost a few CPU-seconds of JIT compilation, which pays off only
     * on longer jobs (measured on 2 cores: a 576-image demo ran twice as long with the warm-up at once as on
     * {@code scalar}, and a side warm-up started later never finished beside the loader's workers).
     */
    private static final int SHORT_JOB_IMAGES = 2000;
    /**
     * Below {@link #SPARE_CORE_PROCESSORS}, the time Pillow's passes spend on {@code scalar} before their own
     * warm-up starts: about what that warm-up costs (measured on 2 cores: under a second of one core), so a
     * job that resizes little (the demo's small images) never pays for it, while photos (about 1.5 ms a
     * 500×375 resize on {@code scalar}, 0.25 ms on {@code simd}) reach it within a few hundred images.
     */
    private static final java.time.Duration SHORT_JOB_RESAMPLING = java.time.Duration.ofMillis(500);

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
            backend = current.backend();
            if (!current.requested() && backend.name().equals(WARM_TARGET) && available(WARM_COLD)) {
                int processors = Runtime.getRuntime().availableProcessors();
                boolean spare = processors >= SPARE_CORE_PROCESSORS;
                warmStart = new WarmStartBackend(selector().select(WARM_COLD).backend(), backend,
                        spare ? 0 : SHORT_JOB_IMAGES, spare ? java.time.Duration.ZERO : SHORT_JOB_RESAMPLING);
                if (spare) {
                    warmStart.start();
                }
                backend = warmStart;
                LOG.info("{}; {}", current.explanation(), warmStart.state());
            } else {
                LOG.info(current.explanation());
            }
        }
        return backend;
    }

    /**
     * {@return one line saying where the warm start stands (running {@code scalar} while {@code simd}
     * compiles, or switched, after how many synthetic rounds), or empty when the backend in use does not
     * start warm (named explicitly, or not {@code simd})}
     */
    public static synchronized java.util.Optional<String> warmStart() {
        current();
        return warmStart == null ? java.util.Optional.empty() : java.util.Optional.of(warmStart.state());
    }

    private static boolean available(String name) {
        return selector().statuses().stream().anyMatch(s -> s.name().equals(name) && s.availability().available());
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
