package io.jdatagen.io;

import io.jdatagen.io.FormatSniffer.Format;
import java.io.IOException;

/**
 * The size that decoding a file will allocate, read from its headers before anything is decoded,
 * as Pillow sizes the image it opens: the PNG/APNG canvas ({@code IHDR}); a JPEG's frame
 * ({@code SOF}); a GIF's logical screen, grown to hold the first frame where that frame reaches
 * past it; a WebP's canvas ({@code VP8X}) or bitstream size ({@code VP8}, {@code VP8L}); a BMP's
 * width and the magnitude of its height (negative for top-down rows); the first page of a TIFF
 * (the only one the codecs read); a PNM's header. Reads only the bytes it needs, each
 * bounds-checked: any bytes give a size or an {@link IOException} naming what is missing.
 */
final class ContainerSize {
    /**
     * Where decoding draws: the canvas and the place of the first frame on it.
     *
     * @param height canvas rows
     * @param width canvas columns
     * @param top the first frame's row on the canvas (GIF; else 0)
     * @param left the first frame's column on the canvas (GIF; else 0)
     */
    record Canvas(int height, int width, int top, int left) {
    }

    private ContainerSize() {
    }

    /** The canvas of {@code b}, a file of {@code format}. */
    static Canvas of(byte[] b, Format format) throws IOException {
        long[] hw = switch (format) {
            case PNG -> png(b);
            case JPEG -> jpeg(b);
            case GIF -> null;
            case WEBP -> webp(b);
            case BMP -> bmp(b);
            case TIFF -> tiff(b);
            case PNM -> pnm(b);
        };
        if (format == Format.GIF) {
            return gif(b);
        }
        return canvas(format, hw[0], hw[1], 0, 0);
    }

    private static Canvas canvas(Format format, long height, long width, long top, long left) throws IOException {
        if (height < 1 || width < 1 || height > Integer.MAX_VALUE || width > Integer.MAX_VALUE) {
            throw new IOException("invalid " + format.label() + " size " + width + " x " + height
                    + " (width and height must be 1 to " + Integer.MAX_VALUE + ")");
        }
        return new Canvas((int) height, (int) width, (int) top, (int) left);
    }

    private static long[] png(byte[] b) throws IOException {
        if (!(b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) {
            throw new IOException("corrupt PNG (no IHDR chunk first)");
        }
        return new long[] {u32be(b, 20, Format.PNG), u32be(b, 16, Format.PNG)};
    }

    private static long[] jpeg(byte[] b) throws IOException {
        int[] size = JpegStructure.size(b);
        if (size == null) {
            throw new IOException("corrupt JPEG (no frame header before the image data)");
        }
        return new long[] {size[0], size[1]};
    }

    /** The logical screen, grown to the first image descriptor as Pillow's GIF plugin grows it. */
    private static Canvas gif(byte[] b) throws IOException {
        long screenW = u16le(b, 6, Format.GIF);
        long screenH = u16le(b, 8, Format.GIF);
        int flags = u8(b, 10, Format.GIF);
        int at = 13 + ((flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0);
        while (true) {
            int block = u8(b, at, Format.GIF);
            if (block == 0x2C) {
                long left = u16le(b, at + 1, Format.GIF);
                long top = u16le(b, at + 3, Format.GIF);
                long w = u16le(b, at + 5, Format.GIF);
                long h = u16le(b, at + 7, Format.GIF);
                return canvas(Format.GIF, Math.max(screenH, top + h), Math.max(screenW, left + w), top, left);
            }
            if (block != 0x21) {
                throw new IOException("corrupt GIF (no image before block 0x" + Integer.toHexString(block)
                        + " at byte " + at + ")");
            }
            at += 2;
            for (int size = u8(b, at, Format.GIF); size != 0; size = u8(b, at, Format.GIF)) {
                at += 1 + size;
            }
            at++;
        }
    }

    private static long[] webp(byte[] b) throws IOException {
        int at = 12;
        String chunk = fourcc(b, at, Format.WEBP);
        int data = at + 8;
        switch (chunk) {
            case "VP8X":
                return new long[] {u24le(b, data + 7, Format.WEBP) + 1, u24le(b, data + 4, Format.WEBP) + 1};
            case "VP8L":
                if (u8(b, data, Format.WEBP) != 0x2F) {
                    throw new IOException("corrupt WebP (no lossless signature)");
                }
                long bits = u32le(b, data + 1, Format.WEBP);
                return new long[] {((bits >>> 14) & 0x3FFF) + 1, (bits & 0x3FFF) + 1};
            case "VP8 ":
                if (u8(b, data + 3, Format.WEBP) != 0x9D || u8(b, data + 4, Format.WEBP) != 0x01
                        || u8(b, data + 5, Format.WEBP) != 0x2A) {
                    throw new IOException("corrupt WebP (no lossy key frame start code)");
                }
                return new long[] {u16le(b, data + 8, Format.WEBP) & 0x3FFF, u16le(b, data + 6, Format.WEBP) & 0x3FFF};
            default:
                throw new IOException("corrupt WebP (its first chunk is '" + chunk + "', not VP8, VP8L or VP8X)");
        }
    }

    private static long[] bmp(byte[] b) throws IOException {
        long header = u32le(b, 14, Format.BMP);
        if (header == 12) {
            return new long[] {u16le(b, 20, Format.BMP), u16le(b, 18, Format.BMP)};
        }
        if (header < 16 || header > 1024) {
            throw new IOException("unsupported BMP header of " + header + " bytes");
        }
        long width = (int) u32le(b, 18, Format.BMP);
        long height = (int) u32le(b, 22, Format.BMP);
        return new long[] {Math.abs(height), width};
    }

    /** The first page's size; a TIFF whose samples Pillow cannot open is refused here. */
    private static long[] tiff(byte[] b) throws IOException {
        boolean big = b[0] == 'M';
        long ifd = u32(b, 4, big);
        int entries = u16(b, (int) Math.min(ifd, Integer.MAX_VALUE - 16), big);
        long width = -1;
        long height = -1;
        long samples = 1;
        long sampleFormat = 1;
        for (int i = 0; i < entries; i++) {
            int e = (int) ifd + 2 + 12 * i;
            int tag = u16(b, e, big);
            int type = u16(b, e + 2, big);
            if (tag == 256 || tag == 257 || tag == 277 || tag == 339) {
                long value = type == 3 ? u16(b, e + 8, big) : type == 4 ? u32(b, e + 8, big) : -1;
                if (tag == 339 && type == 3 && u32(b, e + 4, big) > 2) {
                    long at = u32(b, e + 8, big);
                    value = u16(b, (int) Math.min(at, Integer.MAX_VALUE - 16), big);
                }
                if (value < 0) {
                    throw new IOException("corrupt TIFF (tag " + tag + " has type " + type + ", not SHORT or LONG)");
                }
                switch (tag) {
                    case 256 -> width = value;
                    case 257 -> height = value;
                    case 277 -> samples = value;
                    default -> sampleFormat = value;
                }
            }
        }
        if (width < 0 || height < 0) {
            throw new IOException("corrupt TIFF (its first page has no ImageWidth or ImageLength)");
        }
        if (sampleFormat == 3 && samples != 1) {
            throw new IOException("a TIFF of floating-point samples with " + samples + " samples per pixel:"
                    + " only one-channel float TIFFs are read (Pillow's mode F)");
        }
        return new long[] {height, width};
    }

    private static long[] pnm(byte[] b) throws IOException {
        int[] at = {2};
        long width = pnmNumber(b, at);
        long height = pnmNumber(b, at);
        return new long[] {height, width};
    }

    /** The next decimal number after whitespace and {@code #} comments, {@code at[0]} moved past it. */
    private static long pnmNumber(byte[] b, int[] at) throws IOException {
        int i = at[0];
        while (i < b.length && FormatSniffer.isPnmSpace(b[i])) {
            if (b[i] == '#') {
                while (i < b.length && b[i] != '\n' && b[i] != '\r') {
                    i++;
                }
            } else {
                i++;
            }
        }
        long value = 0;
        int digits = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            value = Math.min(value * 10 + (b[i] - '0'), 1L << 40);
            i++;
            digits++;
        }
        if (digits == 0) {
            throw new IOException(i >= b.length ? "truncated PNM header" : "corrupt PNM header (a size is not a"
                    + " number at byte " + i + ")");
        }
        at[0] = i;
        return value;
    }

    private static int u8(byte[] b, int at, Format format) throws IOException {
        need(b, at, 1, format);
        return b[at] & 0xFF;
    }

    static long u16le(byte[] b, int at, Format format) throws IOException {
        need(b, at, 2, format);
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u24le(byte[] b, int at, Format format) throws IOException {
        need(b, at, 3, format);
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    static long u32le(byte[] b, int at, Format format) throws IOException {
        need(b, at, 4, format);
        return ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24);
    }

    static long u32be(byte[] b, int at, Format format) throws IOException {
        need(b, at, 4, format);
        return ((long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF));
    }

    private static int u16(byte[] b, int at, boolean bigEndian) throws IOException {
        need(b, at, 2, Format.TIFF);
        return bigEndian ? (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF) : (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) throws IOException {
        return bigEndian ? u32be(b, at, Format.TIFF) : u32le(b, at, Format.TIFF);
    }

    private static String fourcc(byte[] b, int at, Format format) throws IOException {
        need(b, at, 4, format);
        return new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void need(byte[] b, int at, int length, Format format) throws IOException {
        if (at < 0 || at > b.length - length) {
            throw new IOException("truncated " + format.label() + " header (it ends before byte " + at + ")");
        }
    }
}
