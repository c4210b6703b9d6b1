package io.jdatagen.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks both codecs make on the encoded bytes before decoding, so that they give the same
 * verdict on every file: not empty; a JPEG's last scan followed by its end-of-image marker; a PNG's
 * chunks complete up to {@code IEND}; and the size read from the header within the
 * {@link PixelLimit} (before any pixel is decoded).
 */
final class EncodedImage {
    private static final Logger LOG = LoggerFactory.getLogger(EncodedImage.class);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** What the checks learnt: the format and, when the header gives it, the size. */
    record Header(boolean jpeg, int height, int width) {
    }

    private EncodedImage() {
    }

    /**
     * Checks {@code encoded} before decoding.
     *
     * @throws IOException naming what is wrong: empty, truncated, or too large
     */
    static Header check(byte[] encoded, PixelLimit limit) throws IOException {
        if (encoded.length == 0) {
            throw new IOException("the file is empty");
        }
        boolean jpeg = JpegStructure.isJpeg(encoded);
        int[] size;
        if (jpeg) {
            if (!JpegStructure.isComplete(encoded)) {
                throw new IOException("truncated JPEG (no end-of-image marker after the last scan)");
            }
            size = JpegStructure.size(encoded);
            if (size == null) {
                throw new IOException("corrupt JPEG (no frame header before the image data)");
            }
        } else if (isPng(encoded)) {
            size = checkedPngSize(encoded);
        } else {
            size = otherSize(encoded);
        }
        if (size != null && limit.check(size[0], size[1])) {
            LOG.warn("Image size ({} pixels) exceeds the limit of {} pixels; it could be a decompression bomb",
                    (long) size[0] * size[1], limit.warnAbove());
        }
        return new Header(jpeg, size == null ? -1 : size[0], size == null ? -1 : size[1]);
    }

    private static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The PNG's {@code {height, width}} after walking its chunks up to {@code IEND}. */
    private static int[] checkedPngSize(byte[] b) throws IOException {
        int[] size = null;
        long at = PNG_SIGNATURE.length;
        while (true) {
            if (at + 8 > b.length) {
                throw new IOException("truncated PNG (it ends before its IEND chunk)");
            }
            long length = readInt(b, (int) at) & 0xFFFFFFFFL;
            String type = new String(b, (int) at + 4, 4, StandardCharsets.ISO_8859_1);
            if (at + 12 + length > b.length) {
                throw new IOException("truncated PNG (its " + type + " chunk runs past the end of the file)");
            }
            if (type.equals("IHDR") && length >= 8) {
                long width = readInt(b, (int) at + 8) & 0xFFFFFFFFL;
                long height = readInt(b, (int) at + 12) & 0xFFFFFFFFL;
                if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                    throw new IOException("invalid PNG size " + width + " x " + height);
                }
                size = new int[] {(int) height, (int) width};
            }
            if (type.equals("IEND")) {
                return size;
            }
            at += 12 + length;
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** The size from an ImageIO reader's header (BMP, GIF, PNM, TIFF), or null when none can tell. */
    private static int[] otherSize(byte[] b) {
        try (ImageInputStream in = new ByteArrayImageInputStream(b)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getHeight(0), reader.getWidth(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
