package io.jdatagen.spi;

/**
 * Whether a backend can run here, with a reason. An unavailable reason reads as a remedy
 * ("start the JVM with --add-modules jdk.incubator.vector").
 *
 * @param available whether {@link BackendProvider#create()} will succeed
 * @param reason what was found, or what to do to make the backend available
 */
public record Availability(boolean available, String reason) {
    /**
     * Validates the reason.
     */
    public Availability {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an availability needs a reason");
        }
    }

    /**
     * {@return the backend can run; {@code note} says on what}
     */
    public static Availability available(String note) {
        return new Availability(true, note);
    }

    /**
     * {@return the backend cannot run; {@code remedy} says what would make it available}
     */
    public static Availability unavailable(String remedy) {
        return new Availability(false, remedy);
    }
}
