package io.jdatagen.io;

import io.jdatagen.spi.Availability;

/**
 * Service interface through which codecs are found ({@link java.util.ServiceLoader}, listed in
 * {@code META-INF/services/io.jdatagen.io.ImageCodecProvider}). A provider must not link its
 * codec's libraries before {@link #availability()} has said they are there.
 */
public interface ImageCodecProvider {
    /** {@return the codec's name} */
    String name();

    /**
     * Higher wins automatic selection among available codecs.
     *
     * @return the priority (higher wins)
     */
    int priority();

    /** {@return whether the codec can run here, and why not (as a remedy)} */
    Availability availability();

    /**
     * Creates the codec.
     *
     * @return a new codec
     * @throws IllegalStateException if it is not available
     */
    ImageCodec create();
}
