package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both codecs on hostile and damaged files: the same verdict from each, decompression bombs refused
 * from their header before any pixel is decoded (Pillow's limits), every failure an
 * {@link ImageReadException} naming the file.
 */
class HostileInputTest {
    static Stream<ImageCodec> codecs() {
        return Stream.of(ImageCodecs.named("imageio"), ImageCodecs.named("opencv"));
    }

    private static ImageFileReader reader(ImageCodec codec, PixelLimit limit) {
        return new ImageFileReader(codec, ColorMode.RGB, null, ResizeFilter.NEAREST, false, true, true, limit);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void decompressionBombsAreRefusedFromTheirHeader(ImageCodec codec) {
        byte[] png = HostileFiles.pngClaiming(20000, 20000, 3);
        byte[] gray = HostileFiles.pngClaiming(27000, 27000, 1);
        byte[] jpeg = HostileFiles.jpegClaiming(TestImages.jpeg(TestImages.blocks(32, 32), 0.9f), 20000, 20000);
        for (byte[] bomb : new byte[][] {png, gray, jpeg}) {
            IOException e = assertThrows(IOException.class, () -> codec.decode(bomb, DecodeOptions.DEFAULT),
                    codec.name());
            assertTrue(e.getMessage().contains("decompression bomb") && e.getMessage().contains("twice the limit of 89,478,485"),
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void thePixelLimitWarnsThenRefusesAtTwiceItsValue(ImageCodec codec, @TempDir Path dir) {
        Path small = TestImages.write(dir.resolve("12x12.png"),
                TestImages.encode(TestImages.toBuffered(TestImages.gradient(12, 12, 3)), "png"));
        Path large = TestImages.write(dir.resolve("15x15.png"),
                TestImages.encode(TestImages.toBuffered(TestImages.gradient(15, 15, 3)), "png"));
        ImageFileReader limited = reader(codec, new PixelLimit(100));
        assertEquals(12, limited.load(small).height(), "144 pixels: above 100, decoded with a warning");
        ImageReadException e = assertThrows(ImageReadException.class, () -> limited.load(large));
        assertTrue(e.getMessage().startsWith("cannot read image file " + large + ": the image is 15 x 15 = 225"
                + " pixels, more than twice the limit of 100"), e.getMessage());
        assertEquals(15, reader(codec, PixelLimit.none()).load(large).height());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void damagedFilesGetTheSameVerdictFromBothCodecs(ImageCodec codec) throws IOException {
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(40, 40, 3)), "png");
        IOException noIend = assertThrows(IOException.class,
                () -> codec.decode(HostileFiles.pngWithoutIend(png), DecodeOptions.DEFAULT));
        assertTrue(noIend.getMessage().contains("truncated PNG"), noIend.getMessage());
        // A JPEG whose scan stops early but ends with EOI: libjpeg fills the missing blocks (as Pillow
        // does); both codecs decode it to the full size.
        byte[] jpeg = TestImages.jpeg(TestImages.blocks(96, 96), 0.9f);
        ByteImage cut = codec.decode(HostileFiles.jpegCutWithEoi(jpeg), DecodeOptions.DEFAULT);
        assertEquals(96, cut.height());
        assertEquals(96, cut.width());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void everyFailureNamesTheFile(ImageCodec codec, @TempDir Path dir) throws Exception {
        Path wide = TestImages.write(dir.resolve("wide.png"),
                TestImages.encode(TestImages.toBuffered(TestImages.gradient(1, 2000, 3)), "png"));
        ImageFileReader cropping = new ImageFileReader(codec, ColorMode.RGB, new int[] {300, 100},
                ResizeFilter.BILINEAR, true, true, true);
        ImageReadException crop = assertThrows(ImageReadException.class, () -> cropping.load(wide));
        assertTrue(crop.getMessage().contains(wide.toString()) && crop.getMessage().contains("keepAspectRatio"),
                crop.getMessage());
        Path fifo = dir.resolve("pipe.jpg");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ImageReadException special = assertThrows(ImageReadException.class, () -> reader(codec,
                PixelLimit.defaults()).load(fifo));
        assertTrue(special.getMessage().contains("not a regular file"), special.getMessage());
        ImageReadException missing = assertThrows(ImageReadException.class, () -> reader(codec,
                PixelLimit.defaults()).load(dir.resolve("gone.png")));
        assertTrue(missing.getMessage().endsWith("gone.png: no such file"), missing.getMessage());
        Path bomb = TestImages.write(dir.resolve("bomb.png"), HostileFiles.pngClaiming(50000, 50000, 1));
        ImageReadException unlimited = assertThrows(ImageReadException.class,
                () -> reader(codec, PixelLimit.none()).load(bomb));
        assertEquals(bomb, unlimited.path());
    }
}
