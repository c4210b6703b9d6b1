package io.jdatagen.io;

import java.io.IOException;

/**
 * The fields of a BMP's {@code BITMAPINFOHEADER} (or a later header) that Pillow refuses before it reads
 * any pixel: a compression other than none, run-length (8 or 4 bits) or bit fields, and, for a palette
 * image (8 bits a pixel or fewer), a palette of more than 65,536 colours. Checked before a decoder sees
 * the file: a reader that believes the header allocates the palette it declares (TwelveMonkeys' BMP
 * reader takes 4 bytes for each of up to 2^32 colours).
 */
final class BmpHeader {
    /** Pillow's largest palette. */
    static final long MOST_COLORS = 65_536;
    private static final long BITFIELDS = 3;

    private BmpHeader() {
    }

    /** Refuses a BMP whose header Pillow refuses (see the class comment); other BMPs pass. */
    static void check(byte[] b) throws IOException {
        long header = ContainerSize.u32le(b, 14, FormatSniffer.Format.BMP);
        if (header < 40) {
            return;
        }
        long compression = ContainerSize.u32le(b, 30, FormatSniffer.Format.BMP);
        if (compression > BITFIELDS) {
            throw new IOException("unsupported BMP compression (" + compression + "; Pillow reads 0 to 3: none,"
                    + " run-length 8 and 4 bits, bit fields)");
        }
        long bits = ContainerSize.u16le(b, 28, FormatSniffer.Format.BMP);
        long colors = ContainerSize.u32le(b, 46, FormatSniffer.Format.BMP);
        if (bits <= 8 && colors > MOST_COLORS) {
            throw new IOException("unsupported BMP palette size (" + colors + " colours; Pillow reads at most "
                    + MOST_COLORS + ")");
        }
    }
}
