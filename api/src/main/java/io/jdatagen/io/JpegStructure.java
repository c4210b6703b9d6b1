package io.jdatagen.io;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * What the codecs need to know about a JPEG file before or besides decoding it: whether it is one,
 * whether it is complete, its size, and its EXIF orientation (the segment found with TwelveMonkeys'
 * metadata reader, the tag read as Pillow reads it).
 */
final class JpegStructure {
    private JpegStructure() {
    }

    /** Whether {@code b} starts with a JPEG SOI marker. */
    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    /**
     * Whether the last scan is followed by an EOI marker. Entropy-coded data stuffs every 0xFF, so
     * a marker pair cannot occur inside a scan; a truncated file has its last SOS after its last EOI
     * (an EOI of an embedded thumbnail comes earlier). The last EOI is searched from the end, where
     * a complete file has it, and only the bytes after it for an SOS, so a complete file's scan
     * data is not read.
     */
    static boolean isComplete(byte[] b) {
        int eoi = lastMarker(b, 0xD9);
        return eoi >= 0 && !hasMarker(b, eoi + 2, 0xDA);
    }

    private static boolean hasMarker(byte[] b, int from, int marker) {
        for (int i = from; i < b.length - 1; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
                return true;
            }
        }
        return false;
    }

    private static int lastMarker(byte[] b, int marker) {
        for (int i = b.length - 2; i >= 0; i--) {
            if ((b[i + 1] & 0xFF) == marker && (b[i] & 0xFF) == 0xFF) {
                return i;
            }
        }
        return -1;
    }

    /** {@code {height, width}} from the first SOF marker, or null if there is none. */
    static int[] size(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return new int[] {height, width};
            }
            if (marker == 0xDA) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    /**
     * The EXIF orientation of a JPEG, {@link Orientation#NORMAL} when it has none or it is unreadable.
     * The first directory's entries are read as Pillow's {@code getexif()} reads them: one after the
     * other until the entry count or the EXIF segment ends, whichever comes first, so a count that
     * runs past the segment still yields the entries that are there.
     */
    static Orientation orientation(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return Orientation.NORMAL;
            }
            byte[] exif;
            try (InputStream data = segments.get(0).data()) {
                exif = data.readAllBytes();
            }
            int tiff = tiffHeader(exif);
            return tiff < 0 ? Orientation.NORMAL : Orientation.ofTag(orientationTag(exif, tiff));
        } catch (IOException | RuntimeException e) {
            // A broken EXIF block does not make the image unreadable; it is shown as stored.
            return Orientation.NORMAL;
        }
    }

    /** The orientation tag's value in the first directory of the TIFF block at {@code tiff}, or 1 (normal). */
    private static int orientationTag(byte[] exif, int tiff) {
        boolean big = exif[tiff] == 'M';
        long ifd = tiff + readTiff(exif, tiff + 4, 4, big);
        if (ifd + 2 > exif.length) {
            return 1;
        }
        long count = readTiff(exif, (int) ifd, 2, big);
        for (long i = 0, e = ifd + 2; i < count && e + 12 <= exif.length; i++, e += 12) {
            int at = (int) e;
            if (readTiff(exif, at, 2, big) == 0x112 && readTiff(exif, at + 2, 2, big) == 3) {
                return (int) readTiff(exif, at + 8, 2, big);
            }
        }
        return 1;
    }

    /** An unsigned {@code size}-byte integer at {@code at} in the given byte order. */
    private static long readTiff(byte[] b, int at, int size, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int shift = bigEndian ? 8 * (size - 1 - i) : 8 * i;
            v |= (long) (b[at + i] & 0xFF) << shift;
        }
        return v;
    }

    /** Where the TIFF header ("II*\0" or "MM\0*") starts within the first bytes of an EXIF payload. */
    private static int tiffHeader(byte[] exif) {
        for (int i = 0; i + 3 < exif.length && i < 8; i++) {
            boolean intel = exif[i] == 'I' && exif[i + 1] == 'I' && exif[i + 2] == 42 && exif[i + 3] == 0;
            boolean motorola = exif[i] == 'M' && exif[i + 1] == 'M' && exif[i + 2] == 0 && exif[i + 3] == 42;
            if (intel || motorola) {
                return i;
            }
        }
        return -1;
    }
}
