package io.jdatagen.io;

import java.io.IOException;

/**
 * Whether a run-length encoded BMP (RLE8 or RLE4) holds a whole image, counted as Pillow's BMP
 * decoder counts it: runs (clipped to the row), absolute runs, end-of-line (pads the row),
 * deltas (skipped pixels count), end-of-bitmap or the end of the data stop it. Pillow refuses a
 * file whose runs give fewer than width × height pixels ("not enough image data"), where other
 * decoders fill the rest with colour 0; both codecs refuse it as Pillow does. Only counts: no pixel
 * is decoded.
 */
final class BmpRunLength {
    private static final int RLE8 = 1;
    private static final int RLE4 = 2;

    private BmpRunLength() {
    }

    /**
     * Refuses a run-length encoded BMP (with a {@code BITMAPINFOHEADER} or later) whose runs stop
     * short of {@code height × width} pixels; other BMPs pass.
     */
    static void check(byte[] b, long height, long width) throws IOException {
        long header = ContainerSize.u32le(b, 14, FormatSniffer.Format.BMP);
        if (header < 40) {
            return;
        }
        long compression = ContainerSize.u32le(b, 30, FormatSniffer.Format.BMP);
        if (compression != RLE8 && compression != RLE4) {
            return;
        }
        long pixels = count(b, ContainerSize.u32le(b, 10, FormatSniffer.Format.BMP), width, height * width,
                compression == RLE4);
        if (pixels < height * width) {
            throw new IOException("the BMP's run-length data ends after " + pixels + " of its " + width + " x " + height
                    + " pixels (not enough image data; Pillow refuses it too)");
        }
    }

    /** The pixel count Pillow's decoder reaches, reading runs from {@code offset} until {@code needed}. */
    private static long count(byte[] b, long offset, long width, long needed, boolean rle4) {
        long length = 0;
        long x = 0;
        long at = offset;
        while (length < needed) {
            if (at + 2 > b.length) {
                break;
            }
            int run = b[(int) at] & 0xFF;
            int code = b[(int) at + 1] & 0xFF;
            at += 2;
            if (run != 0) {
                long n = x + run > width ? Math.max(0, width - x) : run;
                length += n;
                x += n;
            } else if (code == 0) {
                length = (length + width - 1) / width * width;
                x = 0;
            } else if (code == 1) {
                break;
            } else if (code == 2) {
                if (at + 2 > b.length) {
                    break;
                }
                length += (b[(int) at] & 0xFF) + (long) (b[(int) at + 1] & 0xFF) * width;
                at += 2;
                x = length % width;
            } else {
                int bytes = rle4 ? code / 2 : code;
                long read = Math.min(bytes, b.length - at);
                length += rle4 ? 2 * read : read;
                at += read;
                if (read < bytes) {
                    break;
                }
                x += code;
                if (at % 2 != 0) {
                    at++;
                }
            }
        }
        return length;
    }
}
