package io.jdatagen.io;

import io.jdatagen.spi.Availability;

/** Provides the {@code imageio} codec (always available; priority 0). */
public final class ImageioCodecProvider implements ImageCodecProvider {
    /** Creates the provider ({@link java.util.ServiceLoader} calls it). */
    public ImageioCodecProvider() {
        // No state: the codec is built on demand.
    }

    @Override
    public String name() {
        return ImageioCodec.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.available("javax.imageio with the TwelveMonkeys plugins");
    }

    @Override
    public ImageCodec create() {
        return new ImageioCodec();
    }
}
