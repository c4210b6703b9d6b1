package io.jdatagen.io;

/**
 * What an image file is, from its first bytes (its magic number), never from its name: a WebP
 * named {@code .jpg} is a WebP. The formats are those both codecs are held to: what Pillow opens
 * of them is what {@link EncodedImage} lets through.
 */
final class FormatSniffer {
    /** The formats the codecs read, with the name used in messages. */
    enum Format {
        /** PNG, APNG included (same signature; the canvas is the IHDR size). */
        PNG("PNG"),
        /** JPEG (SOI marker). */
        JPEG("JPEG"),
        /** GIF87a or GIF89a. */
        GIF("GIF"),
        /** WebP in a RIFF container (lossy, lossless, extended). */
        WEBP("WebP"),
        /** Windows bitmap ({@code BM}). */
        BMP("BMP"),
        /** Classic TIFF, either byte order. */
        TIFF("TIFF"),
        /** Netpbm P1 to P6 (PBM, PGM, PPM, plain or raw). */
        PNM("PNM");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /** The format's usual name, for messages. */
        String label() {
            return label;
        }
    }

    /** The formats named in a refusal of unknown bytes. */
    static final String KNOWN = "PNG, APNG, JPEG, GIF, WebP, BMP, TIFF, PNM (P1-P6)";

    private FormatSniffer() {
    }

    /** The format {@code b} starts like, or null when it is none of {@link Format}. */
    static Format sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return Format.PNG;
        }
        if (JpegStructure.isJpeg(b)) {
            return Format.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8') && b.length >= 6 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Format.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return Format.BMP;
        }
        if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) {
            return Format.TIFF;
        }
        if (b.length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && isPnmSpace(b[2])) {
            return Format.PNM;
        }
        return null;
    }

    /** Whitespace as Netpbm headers know it, or the start of a comment. */
    static boolean isPnmSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == '#';
    }

    private static boolean startsWith(byte[] b, int at, int... magic) {
        if (b.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
