package io.jdatagen.spi;

/**
 * Whether a backend can run here, with a reason. An unavailable reason reads as a remedy
 * ("start the JVM with --add-modules jdk.incubator.vector"); when a probe failed with an exception,
 * that exception is kept as the cause, so that the error of a backend requested by name carries it.
 *
 * @param available whether {@link BackendProvider#create()} will succeed
 * @param reason what was found, or what to do to make the backend available
 * @param cause the exception that made the backend unavailable, or null (always null when available)
 */
public record Availability(boolean available, String reason, Throwable cause) {
    /**
     * Validates the reason; an available backend has no cause.
     */
    public Availability {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an availability needs a reason");
        }
        if (available && cause != null) {
            throw new IllegalArgumentException("an available backend has no cause of unavailability; got: " + cause);
        }
    }

    /** An availability without a cause. */
    public Availability(boolean available, String reason) {
        this(available, reason, null);
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

    /**
     * {@return the backend cannot run because {@code cause} was thrown while probing it; {@code remedy}
     * says what would make it available}
     */
    public static Availability unavailable(String remedy, Throwable cause) {
        return new Availability(false, remedy, cause);
    }
}
