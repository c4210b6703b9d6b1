package io.jdatagen.spi;

/**
 * Test access to the package-private {@link WarmStartBackend}, for the property tests that compare its
 * bytes across a switch with {@code scalar}'s and {@code simd}'s.
 */
public final class WarmStarts {
    private WarmStarts() {
    }

    /** {@return a warm-start backend on {@code cold} that has not started warming {@code target}} */
    public static Backend unstarted(Backend cold, Backend target) {
        return new WarmStartBackend(cold, target);
    }

    /** Starts the daemon warm-up thread of {@code warmStart}. */
    public static void start(Backend warmStart) {
        ((WarmStartBackend) warmStart).start();
    }

    /** Sends every later call of {@code warmStart} to its target, as the warm-up thread does when done. */
    public static void switchNow(Backend warmStart) {
        ((WarmStartBackend) warmStart).switchToTarget();
    }

    /** {@return the name of the backend that runs {@code warmStart}'s next warp or resampling call} */
    public static String active(Backend warmStart) {
        return ((WarmStartBackend) warmStart).active().name();
    }

    /** {@return {@code warmStart}'s phase: WAITING, WARMING, WARM or FAILED} */
    public static String phase(Backend warmStart) {
        return ((WarmStartBackend) warmStart).phase().name();
    }

    /** {@return {@code warmStart}'s one-line state} */
    public static String state(Backend warmStart) {
        return ((WarmStartBackend) warmStart).state();
    }
}
