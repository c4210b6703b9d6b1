package io.jdatagen.flow;

import io.jdatagen.io.ByteImage;
import io.jdatagen.io.DecodeOptions;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.ImageCodecs;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** The current codec under its own name, counting the files it decodes (for the sample-cache tests). */
final class CountingCodec implements ImageCodec {
    private final ImageCodec codec = ImageCodecs.current();
    private final AtomicInteger decodes = new AtomicInteger();

    @Override
    public String name() {
        return codec.name();
    }

    @Override
    public ByteImage decode(byte[] encoded, DecodeOptions options) throws IOException {
        decodes.incrementAndGet();
        return codec.decode(encoded, options);
    }

    /** {@return the files decoded so far} */
    int decodes() {
        return decodes.get();
    }
}
