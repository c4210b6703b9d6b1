package io.jdatagen.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Hostile and damaged image files, generated: decompression bombs (a header claiming a huge size
 * with little data, or a GIF screen or WebP canvas far larger than the pixels it holds), truncated
 * files, and files cut short with their end marker put back.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A PNG whose header claims {@code width × height} 8-bit pixels of {@code channels}; its data is a few bytes. */
    public static byte[] pngClaiming(int width, int height, int channels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        int colorType = channels == 1 ? 0 : channels == 3 ? 2 : 6;
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) colorType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A 35-byte GIF whose logical screen is {@code width × height} around one 1 × 1 frame: the screen
     * is what a decoder allocates (and what Pillow sizes the image by).
     */
    public static byte[] gifScreenClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(39).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height);
        b.put((byte) 0x80).put((byte) 0).put((byte) 0); // a 2-colour global table
        b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .put((byte) 0);
        b.put(new byte[] {2, 2, 0x44, 0x01, 0}); // LZW minimum code size 2, one sub-block, terminator
        b.put((byte) 0x3B);
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * A 34-byte lossless WebP whose VP8L header claims {@code width × height} (each 1 to 16384),
     * with the bitstream of a single black pixel after it.
     */
    public static byte[] webpLosslessClaiming(int width, int height) {
        byte[] b = {'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 14, 0, 0, 0, 0x2F, 0, 0,
            0, 0, 0x07, 0x10, 0x11, (byte) 0xFD, 0x0F, 0x44, 0x44, (byte) 0xFF, 0x03};
        int bits = (width - 1) | (height - 1) << 14;
        ByteBuffer.wrap(b, 21, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(bits | (b[24] & 0xF0) << 24);
        return b;
    }

    /** {@code jpeg} with its frame header (SOF) patched to claim {@code width × height}. */
    public static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        int i = 2;
        while (i + 9 < b.length) {
            int marker = b[i + 1] & 0xFF;
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC2) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no SOF marker");
    }

    /** {@code jpeg} cut in the middle of its scan, with an end-of-image marker appended. */
    public static byte[] jpegCutWithEoi(byte[] jpeg) {
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        return cut;
    }

    /** {@code png} without its final chunk ({@code IEND}). */
    public static byte[] pngWithoutIend(byte[] png) {
        return Arrays.copyOf(png, png.length - 12);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
