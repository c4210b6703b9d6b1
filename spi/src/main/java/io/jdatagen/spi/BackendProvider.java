package io.jdatagen.spi;

/**
 * A backend discovered through {@link java.util.ServiceLoader}. Constructing a provider does no
 * work and must not link optional classes (the Vector API, Aparapi); {@link #probe()} finds out
 * whether the backend can run and {@link #create()} builds it.
 */
public interface BackendProvider {
    /** {@return the name used in {@code -Djdatagen.backend=NAME}} Lower case, unique. */
    String name();

    /**
     * Automatic selection prefers the available provider with the highest priority.
     *
     * @return the priority (higher wins)
     */
    int priority();

    /**
     * {@return whether the backend can run here and why} Must not throw; must be cheap enough to call at
     * start-up (results are cached by {@link Backends}).
     */
    Availability probe();

    /**
     * Creates the backend. Called only after an available probe.
     *
     * @return a new backend
     * @throws IllegalStateException if the backend cannot be created after all
     */
    Backend create();
}
