package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both codecs on good, unusual and broken files. */
class CodecTest {
    static Stream<ImageCodec> codecs() {
        return Stream.of(ImageCodecs.named("imageio"), ImageCodecs.named("opencv"));
    }

    @Test
    void bothCodecsAreFoundAndOpencvWinsAutomaticSelection() {
        assertEquals(2, ImageCodecs.statuses().size());
        assertTrue(ImageCodecs.statuses().stream().allMatch(s -> s.availability().available()),
                ImageCodecs.describe());
        assertEquals("opencv", ImageCodecs.statuses().get(0).provider().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageCodecs.named("pil"));
        assertTrue(e.getMessage().contains("imageio") && e.getMessage().contains("opencv"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void pngRoundTripsAreExactForGrayRgbAndRgba(ImageCodec codec) throws IOException {
        for (int channels : new int[] {1, 3, 4}) {
            ByteImage original = TestImages.gradient(13, 17, channels);
            ByteImage decoded = codec.decode(TestImages.encode(TestImages.toBuffered(original), "png"),
                    DecodeOptions.DEFAULT);
            assertEquals(channels, decoded.channels(), codec.name() + " channels");
            assertArrayEquals(original.data(), decoded.data(), codec.name() + " " + channels + " channels");
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void otherLosslessFormatsRoundTrip(ImageCodec codec) throws IOException {
        ByteImage original = TestImages.gradient(9, 11, 3);
        for (String format : new String[] {"bmp", "tiff", "pnm"}) {
            ByteImage decoded = codec.decode(TestImages.encode(TestImages.toBuffered(original), format),
                    DecodeOptions.DEFAULT);
            assertArrayEquals(original.data(), decoded.data(), codec.name() + " " + format);
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void sixteenBitPngIsRoundedToEightBits(ImageCodec codec) throws IOException {
        BufferedImage wide = new BufferedImage(6, 4, BufferedImage.TYPE_USHORT_GRAY);
        int[] expected = new int[24];
        for (int i = 0; i < 24; i++) {
            int v = i * 2811;
            wide.getRaster().setSample(i % 6, i / 6, 0, v);
            expected[i] = (int) Math.round(v / 257.0);
        }
        ByteImage decoded = codec.decode(TestImages.encode(wide, "png"), DecodeOptions.DEFAULT);
        assertEquals(1, decoded.channels());
        int[] got = new int[24];
        for (int i = 0; i < 24; i++) {
            got[i] = decoded.data()[i] & 0xFF;
        }
        assertArrayEquals(expected, got, codec.name());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void palettePngWithTransparencyKeepsItsAlpha(ImageCodec codec) throws IOException {
        byte[] r = {10, (byte) 200, 30, 0};
        byte[] g = {20, 100, (byte) 250, 0};
        byte[] b = {30, 0, 90, 0};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b, 3);
        BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int i = 0; i < 15; i++) {
            image.getRaster().setSample(i % 5, i / 5, 0, i % 4);
        }
        ByteImage decoded = codec.decode(TestImages.encode(image, "png"), DecodeOptions.DEFAULT);
        assertEquals(4, decoded.channels(), codec.name());
        for (int i = 0; i < 15; i++) {
            int index = i % 4;
            int row = i / 5;
            int col = i % 5;
            assertEquals(index == 3 ? 0 : 255, decoded.get(row, col, 3), codec.name() + " alpha at " + i);
            if (index != 3) {
                assertEquals(r[index] & 0xFF, decoded.get(row, col, 0), codec.name() + " red at " + i);
                assertEquals(g[index] & 0xFF, decoded.get(row, col, 1), codec.name() + " green at " + i);
            }
        }
        ByteImage rgb = ColorConversion.convert(decoded, ColorMode.RGB);
        assertEquals(3, rgb.channels());
    }

    @Test
    void codecsDecodeTheSameJpegAlike() throws IOException {
        ByteImage original = TestImages.blocks(48, 64);
        byte[] jpeg = TestImages.jpeg(original, 0.95f);
        ByteImage a = ImageCodecs.named("imageio").decode(jpeg, DecodeOptions.DEFAULT);
        ByteImage b = ImageCodecs.named("opencv").decode(jpeg, DecodeOptions.DEFAULT);
        assertTrue(TestImages.maxDifference(a, b) <= 4, "imageio vs opencv: " + TestImages.maxDifference(a, b));
        assertTrue(meanDifference(a, original) < 8, "imageio vs original: " + meanDifference(a, original));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void cmykJpegDecodesToRgb(ImageCodec codec) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                // Adobe CMYK stores inverted ink: 255 = no ink. Left: no ink; right: 200/255 black ink.
                raster.setPixel(x, y, new int[] {255, 255, 255, x < 16 ? 255 : 55});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(plain)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        }
        writer.dispose();
        byte[] noMarker = plain.toByteArray();
        ByteArrayOutputStream cmyk = new ByteArrayOutputStream();
        cmyk.write(noMarker, 0, 2);
        cmyk.write(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});
        cmyk.write(noMarker, 2, noMarker.length - 2);
        ByteImage decoded = codec.decode(cmyk.toByteArray(), DecodeOptions.DEFAULT);
        assertEquals(3, decoded.channels());
        for (int c = 0; c < 3; c++) {
            assertTrue(decoded.get(8, 4, c) > 240, codec.name() + " no ink is white: " + decoded.get(8, 4, c));
            int dark = decoded.get(8, 24, c);
            assertTrue(dark > 35 && dark < 75, codec.name() + " K=200 is dark grey: " + dark);
        }
    }

    /** Where the stored image's top-left, top-right, bottom-left, bottom-right corners go, per orientation. */
    private static final String[] UPRIGHT_CORNERS = {
        null,
        "TL TR BL BR", // 1
        "TR TL BR BL", // 2 mirror
        "BR BL TR TL", // 3 rotate 180
        "BL BR TL TR", // 4 flip vertical
        "TL BL TR BR", // 5 transpose
        "BL TL BR TR", // 6 rotate 90 clockwise
        "BR TR BL TL", // 7 transverse
        "TR BR TL BL", // 8 rotate 90 counter-clockwise
    };

    @ParameterizedTest
    @MethodSource("codecs")
    void allEightExifOrientationsAreApplied(ImageCodec codec) throws IOException {
        int h = 32;
        int w = 48;
        ByteImage stored = quadrants(h, w);
        byte[] jpeg = TestImages.jpeg(stored, 0.95f);
        for (int o = 1; o <= 8; o++) {
            byte[] tagged = TestImages.withOrientation(jpeg, o);
            ByteImage upright = codec.decode(tagged, DecodeOptions.DEFAULT);
            boolean swapped = o >= 5;
            assertEquals(swapped ? w : h, upright.height(), codec.name() + " orientation " + o + " height");
            String[] expect = UPRIGHT_CORNERS[o].split(" ");
            String[] got = {
                corner(upright, 2, 2), corner(upright, 2, upright.width() - 3),
                corner(upright, upright.height() - 3, 2), corner(upright, upright.height() - 3, upright.width() - 3)
            };
            assertArrayEquals(expect, got, codec.name() + " orientation " + o);
            ByteImage asStored = codec.decode(tagged, new DecodeOptions(false, 0, 0));
            assertEquals(h, asStored.height(), codec.name() + " orientation ignored " + o);
            assertEquals("TR", corner(asStored, 2, w - 3));
        }
    }

    private static ByteImage quadrants(int h, int w) {
        byte[] d = new byte[h * w * 3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int q = (r < h / 2 ? 0 : 2) + (c < w / 2 ? 0 : 1);
                int[] rgb = switch (q) {
                    case 0 -> new int[] {230, 20, 20};
                    case 1 -> new int[] {20, 230, 20};
                    case 2 -> new int[] {20, 20, 230};
                    default -> new int[] {230, 230, 230};
                };
                for (int ch = 0; ch < 3; ch++) {
                    d[(r * w + c) * 3 + ch] = (byte) rgb[ch];
                }
            }
        }
        return new ByteImage(d, h, w, 3);
    }

    private static String corner(ByteImage image, int r, int c) {
        boolean red = image.get(r, c, 0) > 128;
        boolean green = image.get(r, c, 1) > 128;
        boolean blue = image.get(r, c, 2) > 128;
        if (red && green && blue) {
            return "BR";
        }
        return red ? "TL" : green ? "TR" : blue ? "BL" : "?";
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void brokenFilesAreErrorsNotImages(ImageCodec codec) {
        byte[] jpeg = TestImages.jpeg(TestImages.blocks(64, 64), 0.9f);
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(64, 64, 3)), "png");
        byte[][] broken = {
            Arrays.copyOf(jpeg, jpeg.length / 2),
            Arrays.copyOf(png, png.length / 2),
            new byte[0],
            "this is not an image\n".getBytes(StandardCharsets.US_ASCII),
        };
        String[] what = {"truncated jpeg", "truncated png", "empty", "text"};
        for (int i = 0; i < broken.length; i++) {
            byte[] bytes = broken[i];
            assertThrows(IOException.class, () -> codec.decode(bytes, DecodeOptions.DEFAULT),
                    codec.name() + " " + what[i]);
        }
    }

    @Test
    void theLoaderNamesTheFileThatFails(@TempDir Path dir) {
        Path text = TestImages.write(dir.resolve("notes.png"), "hello".getBytes(StandardCharsets.US_ASCII));
        for (ImageCodec codec : codecs().toList()) {
            ImageFileReader loader = new ImageFileReader(codec, ColorMode.RGB, null, ResizeFilter.NEAREST, false, true, true);
            ImageReadException e = assertThrows(ImageReadException.class, () -> loader.load(text));
            assertEquals(text, e.path());
            assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
            ImageReadException missing = assertThrows(ImageReadException.class,
                    () -> loader.load(dir.resolve("missing.jpg")));
            assertTrue(missing.getMessage().contains("missing.jpg"), missing.getMessage());
        }
    }

    @Test
    void opencvDecodesAtAReducedScaleOnlyWhenTheTargetAllows() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.blocks(400, 600), 0.9f);
        ImageCodec opencv = ImageCodecs.named("opencv");
        assertEquals(400, opencv.decode(jpeg, DecodeOptions.DEFAULT).height());
        assertEquals(400, opencv.decode(jpeg, new DecodeOptions(true, 224, 224)).height());
        ByteImage half = opencv.decode(jpeg, new DecodeOptions(true, 150, 200));
        assertEquals(200, half.height());
        assertEquals(300, half.width());
        assertEquals(50, opencv.decode(jpeg, new DecodeOptions(true, 32, 32)).height());
        ImageFileReader loader = new ImageFileReader(opencv, ColorMode.RGB, new int[] {100, 100}, ResizeFilter.BILINEAR,
                false, true, true);
        assertEquals(4, new DecodeOptions(true, 100, 100).reduction(400, 600));
        assertEquals(100, loader.fit(half).height());
    }

    private static double meanDifference(ByteImage a, ByteImage b) {
        long sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            sum += Math.abs((a.data()[i] & 0xFF) - (b.data()[i] & 0xFF));
        }
        return (double) sum / a.data().length;
    }
}
