package io.jdatagen.fuzz;

import io.jdatagen.io.ByteImage;
import io.jdatagen.io.DecodeOptions;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.PixelLimit;
import java.io.IOException;

/** The property both codec fuzz targets check. */
final class CodecFuzzing {
    /** A limit that keeps a fuzzed header from asking for more than a few megabytes. */
    private static final DecodeOptions OPTIONS = new DecodeOptions(true, 0, 0, new PixelLimit(1 << 20));

    private CodecFuzzing() {
    }

    /** Decodes {@code bytes}: an image of a sane shape, or an {@code IOException}. */
    static void decode(ImageCodec codec, byte[] bytes) {
        try {
            ByteImage image = codec.decode(bytes, OPTIONS);
            if (image.height() < 1 || image.width() < 1 || image.channels() < 1 || image.channels() > 4) {
                throw new AssertionError("decoded an image of " + image.height() + "x" + image.width() + "x"
                        + image.channels());
            }
        } catch (IOException expected) {
            // a refusal with a reason: what hostile bytes should get
        }
    }
}
