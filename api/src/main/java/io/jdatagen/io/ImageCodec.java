package io.jdatagen.io;

import java.io.IOException;

/**
 * Decodes one encoded image file into an 8-bit image with its own channel layout (gray,
 * gray+alpha, RGB or RGBA; 16-bit samples are scaled to 8 bits). Implementations are thread-safe.
 */
public interface ImageCodec {
    /** {@return the name used to select this codec ({@code -Djdatagen.codec=NAME})} */
    String name();

    /**
     * Decodes {@code encoded}.
     *
     * @param encoded the file's bytes
     * @param options how to decode
     * @return the decoded image
     * @throws IOException if the bytes are not a complete image in a supported format; never
     *     returns null
     */
    ByteImage decode(byte[] encoded, DecodeOptions options) throws IOException;
}
