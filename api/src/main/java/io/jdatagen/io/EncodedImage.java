package io.jdatagen.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks both codecs make on the encoded bytes before decoding, so that they give Pillow's
 * verdict on every file: the format from the bytes' magic number, never the file's name (bytes of
 * no format the codecs read are refused, naming the formats); not empty; a JPEG's last scan
 * followed by its end-of-image marker; a PNG's chunks complete up to {@code IEND}; a BMP's compression
 * and palette size as Pillow reads them ({@link BmpHeader}), a run-length BMP holding all its pixels; and
 * the canvas that decoding will allocate ({@link ContainerSize}: a GIF's logical screen, a WebP's canvas,
 * a TIFF's first page, ...) within the {@link PixelLimit}, before any pixel is decoded.
 */
final class EncodedImage {
    private static final Logger LOG = LoggerFactory.getLogger(EncodedImage.class);
    /** The length of the PNG signature, after which the chunks start. */
    private static final int PNG_SIGNATURE_LENGTH = 8;

    /**
     * What the checks learnt.
     *
     * @param format the format, from the magic number
     * @param canvas the size decoding allocates and where the first frame sits on it
     */
    record Header(FormatSniffer.Format format, ContainerSize.Canvas canvas) {
        /** Whether the file is a JPEG. */
        boolean jpeg() {
            return format == FormatSniffer.Format.JPEG;
        }

        /** The canvas height. */
        int height() {
            return canvas.height();
        }

        /** The canvas width. */
        int width() {
            return canvas.width();
        }
    }

    private EncodedImage() {
    }

    /**
     * Checks {@code encoded} before decoding.
     *
     * @throws IOException naming what is wrong: empty, of no format read here, truncated, corrupt
     *     header, or too large ({@link PixelLimit.ImageTooLargeException})
     */
    static Header check(byte[] encoded, PixelLimit limit) throws IOException {
        if (encoded.length == 0) {
            throw new IOException("the file is empty");
        }
        FormatSniffer.Format format = FormatSniffer.sniff(encoded);
        if (format == null) {
            throw new IOException("not an image in a format read here (" + FormatSniffer.KNOWN + "); the format"
                    + " is told from the file's first bytes, whatever its name");
        }
        ContainerSize.Canvas canvas = ContainerSize.of(encoded, format);
        if (limit.check(canvas.height(), canvas.width())) {
            LOG.warn("Image size ({} pixels) exceeds the limit of {} pixels; it could be a decompression bomb",
                    (long) canvas.height() * canvas.width(), limit.warnAbove());
        }
        switch (format) {
            case JPEG -> {
                if (!JpegStructure.isComplete(encoded)) {
                    throw new IOException("truncated JPEG (no end-of-image marker after the last scan)");
                }
            }
            case PNG -> checkPngChunks(encoded);
            case BMP -> {
                BmpHeader.check(encoded);
                BmpRunLength.check(encoded, canvas.height(), canvas.width());
            }
            default -> {
                // the decoder's own checks decide
            }
        }
        return new Header(format, canvas);
    }

    /** Refuses a PNG whose chunks stop before {@code IEND}. */
    private static void checkPngChunks(byte[] b) throws IOException {
        long at = PNG_SIGNATURE_LENGTH;
        while (true) {
            if (at + 8 > b.length) {
                throw new IOException("truncated PNG (it ends before its IEND chunk)");
            }
            long length = ContainerSize.u32be(b, (int) at, FormatSniffer.Format.PNG);
            String type = new String(b, (int) at + 4, 4, StandardCharsets.ISO_8859_1);
            if (at + 12 + length > b.length) {
                throw new IOException("truncated PNG (its " + type + " chunk runs past the end of the file)");
            }
            if (type.equals("IEND")) {
                return;
            }
            at += 12 + length;
        }
    }
}
