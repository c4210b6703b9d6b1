package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.io.FormatSniffer.Format;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pre-decode checks: the format from the magic number, the canvas each format's header
 * claims, Pillow's run-length BMP rule, and refusals (never another exception) on any bytes.
 */
class ContainerSizeTest {
    static Stream<ImageCodec> codecs() {
        return Stream.of(ImageCodecs.named("imageio"), ImageCodecs.named("opencv"));
    }

    private static ContainerSize.Canvas canvas(byte[] b) throws IOException {
        return EncodedImage.check(b, PixelLimit.none()).canvas();
    }

    @Test
    void theFormatComesFromTheBytes() {
        assertEquals(Format.GIF, FormatSniffer.sniff(HostileFiles.gifScreenClaiming(3, 3)));
        assertEquals(Format.WEBP, FormatSniffer.sniff(HostileFiles.webpLosslessClaiming(3, 3)));
        assertEquals(Format.PNG, FormatSniffer.sniff(HostileFiles.pngClaiming(3, 3, 3)));
        assertEquals(Format.PNM, FormatSniffer.sniff("P5\n1 1\n255\n\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(FormatSniffer.sniff("P7\nWIDTH 1\n".getBytes(StandardCharsets.ISO_8859_1)), "PAM is not read");
        assertNull(FormatSniffer.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1)));
        IOException e = assertThrows(IOException.class,
                () -> EncodedImage.check("<svg/>".getBytes(StandardCharsets.US_ASCII), PixelLimit.none()));
        assertTrue(e.getMessage().contains("PNG, APNG, JPEG, GIF, WebP, BMP, TIFF, PNM"), e.getMessage());
    }

    @Test
    void eachFormatsCanvasIsReadFromItsHeader() throws IOException {
        assertEquals(new ContainerSize.Canvas(200, 300, 0, 0), canvas(HostileFiles.gifScreenClaiming(300, 200)));
        assertEquals(new ContainerSize.Canvas(7, 16384, 0, 0), canvas(HostileFiles.webpLosslessClaiming(16384, 7)));
        assertEquals(new ContainerSize.Canvas(5, 4, 0, 0), canvas(bmp(4, -5, 0, new byte[16])), "top-down BMP");
        assertEquals(new ContainerSize.Canvas(3, 70000, 0, 0),
                canvas("P6 # width\n70000\t3 255\n".getBytes(StandardCharsets.ISO_8859_1)));
        // A GIF frame reaching past its screen grows the canvas, as Pillow grows it.
        byte[] gif = HostileFiles.gifScreenClaiming(2, 2);
        ByteBuffer.wrap(gif, 20, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 9).putShort((short) 4);
        assertEquals(new ContainerSize.Canvas(5, 10, 4, 9), canvas(gif));
        // Big-endian TIFF, SHORT sizes; the second page's size plays no part.
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 2, 1, 0, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 1, 1, 0, 4, 0, 0, 0, 1, 0,
            0, 0, 9, 0, 0, 0, 0};
        assertEquals(new ContainerSize.Canvas(9, 6, 0, 0), canvas(tiff));
    }

    @Test
    void tinyBombsAreRefusedBeforeDecoding() {
        for (byte[] bomb : List.of(HostileFiles.gifScreenClaiming(20000, 20000),
                HostileFiles.webpLosslessClaiming(16384, 16384))) {
            for (ImageCodec codec : codecs().toList()) {
                PixelLimit.ImageTooLargeException e = assertThrows(PixelLimit.ImageTooLargeException.class,
                        () -> codec.decode(bomb, DecodeOptions.DEFAULT), codec.name());
                assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aGifIsItsScreenAndAWebpIsReadByBothCodecs(ImageCodec codec) throws IOException {
        ByteImage gif = codec.decode(HostileFiles.gifScreenClaiming(300, 200), DecodeOptions.DEFAULT);
        assertEquals("200 x 300", gif.height() + " x " + gif.width(), codec.name());
        ByteImage webp = codec.decode(HostileFiles.webpLosslessClaiming(5, 3), DecodeOptions.DEFAULT);
        assertEquals("3 x 5", webp.height() + " x " + webp.width(), codec.name());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aRunLengthBitmapThatStopsShortIsRefusedAsPillowRefusesIt(ImageCodec codec) throws IOException {
        byte[] whole = bmp(4, 2, 1, new byte[] {4, 7, 0, 0, 2, 9, 2, 5, 0, 1});
        assertEquals(2, codec.decode(whole, DecodeOptions.DEFAULT).height(), codec.name());
        for (byte[] rle : new byte[][] {{0, 1}, {4, 7, 0, 0, 0, 1}, {}, {4, 7, 0, 2, 3}}) {
            IOException e = assertThrows(IOException.class,
                    () -> codec.decode(bmp(4, 2, 1, rle), DecodeOptions.DEFAULT), codec.name() + " " + Arrays.toString(rle));
            assertTrue(e.getMessage().contains("run-length data ends after"), e.getMessage());
        }
        // A delta (0, 2, right, up) counts the pixels it skips.
        assertEquals(2, codec.decode(bmp(4, 2, 1, new byte[] {0, 2, 0, 1, 4, 7}), DecodeOptions.DEFAULT).height());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aFloatTiffIsGrayAsPillowConvertsModeF(ImageCodec codec) throws IOException {
        float[] values = {-5f, 0.4f, 1.6f, 254.9f, 255.5f, 1e6f};
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        ByteImage gray = codec.decode(floatTiff(3, 2, 1, data.array()), DecodeOptions.DEFAULT);
        assertEquals(1, gray.channels());
        int[] got = new int[6];
        for (int i = 0; i < 6; i++) {
            got[i] = gray.data()[i] & 0xFF;
        }
        assertEquals(Arrays.toString(new int[] {0, 0, 1, 254, 255, 255}), Arrays.toString(got), codec.name());
        IOException rgb = assertThrows(IOException.class,
                () -> codec.decode(floatTiff(1, 1, 3, new byte[12]), DecodeOptions.DEFAULT));
        assertTrue(rgb.getMessage().contains("only one-channel float TIFFs"), rgb.getMessage());
    }

    /** Every prefix and many random corruptions of every corpus file: a canvas or an IOException. */
    @Test
    void anyBytesGiveACanvasOrAnIoException() throws IOException, URISyntaxException {
        Path dir = Path.of(ContainerSizeTest.class.getResource("/io/jdatagen/io/pillow-corpus/verdicts.json").toURI())
                .getParent();
        SplittableRandom random = new SplittableRandom(30);
        int checked = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> !f.toString().endsWith(".json")).toList()) {
                byte[] b = Files.readAllBytes(p);
                for (int n = 0; n <= Math.min(b.length, 400); n++) {
                    checked += survives(Arrays.copyOf(b, n));
                }
                for (int k = 0; k < 300; k++) {
                    byte[] m = b.clone();
                    for (int j = 1 + random.nextInt(4); j > 0 && m.length > 0; j--) {
                        m[random.nextInt(Math.min(m.length, 64))] = (byte) random.nextInt(256);
                    }
                    checked += survives(m);
                }
            }
        }
        assertTrue(checked > 20000, checked + " inputs");
    }

    private static int survives(byte[] b) {
        try {
            EncodedImage.check(b, new PixelLimit(1 << 20));
        } catch (IOException refused) {
            // a refusal with a reason
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        }
        return 1;
    }

    /** A BMP with a 256-gray palette, 8 bits per pixel, {@code compression} 0 (none) or 1 (RLE8). */
    private static byte[] bmp(int width, int height, int compression, byte[] pixels) {
        int offset = 14 + 40 + 1024;
        ByteBuffer b = ByteBuffer.allocate(offset + pixels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(offset + pixels.length).putInt(0).putInt(offset);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8).putInt(compression)
                .putInt(pixels.length).putInt(2835).putInt(2835).putInt(256).putInt(0);
        for (int i = 0; i < 256; i++) {
            b.put((byte) i).put((byte) i).put((byte) i).put((byte) 0);
        }
        return b.put(pixels).array();
    }

    /** A little-endian one-strip TIFF of 32-bit float samples. */
    private static byte[] floatTiff(int width, int height, int samples, byte[] data) {
        int[][] tags = {{256, 4, 1, width}, {257, 4, 1, height}, {258, 3, 1, 32}, {259, 3, 1, 1},
            {262, 3, 1, samples == 1 ? 1 : 2}, {273, 4, 1, 8}, {277, 3, 1, samples}, {278, 4, 1, height},
            {279, 4, 1, data.length}, {339, 3, 1, 3}};
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + 2 + 12 * tags.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8 + data.length).put(data);
        b.putShort((short) tags.length);
        for (int[] t : tags) {
            b.putShort((short) t[0]).putShort((short) t[1]).putInt(t[2]);
            if (t[1] == 3) {
                b.putShort((short) t[3]).putShort((short) 0);
            } else {
                b.putInt(t[3]);
            }
        }
        return b.putInt(0).array();
    }
}
