package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader refuses a target size no image could have when it is made, not on every file it loads. */
class ImageFileReaderSizeTest {
    private static ImageFileReader reader(int[] target, ColorMode mode, PixelLimit limit) {
        return new ImageFileReader(ImageCodecs.named("imageio"), mode, target, ResizeFilter.NEAREST, false, true,
                false, limit);
    }

    @Test
    void aTargetOverThePixelLimitIsRefusedNamingTargetSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader(new int[] {100_000, 100_000}, ColorMode.RGB, new PixelLimit(1_000_000)));
        assertTrue(e.getMessage().startsWith("targetSize 100000 x 100000 is 10000000000 pixels; it must be at most"
                + " 2000000, twice the image pixel limit of 1000000"), e.getMessage());
    }

    @Test
    void aTargetLargerThanOneArrayIsRefusedWithoutAPixelLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, ColorMode.RGBA, PixelLimit.none()));
        assertTrue(e.getMessage().startsWith("targetSize 2147483647 x 2147483647 in rgba is 4611686014132420609"
                + " pixels of 4 samples; height x width must be at most 536870909"), e.getMessage());
        IllegalArgumentException gray = assertThrows(IllegalArgumentException.class,
                () -> reader(new int[] {50_000, 50_000}, ColorMode.GRAYSCALE, PixelLimit.none()));
        assertTrue(gray.getMessage().startsWith("targetSize 50000 x 50000 in grayscale is 2500000000 pixels of 1"
                + " samples; height x width must be at most 2147483639"), gray.getMessage());
        reader(new int[] {40_000, 50_000}, ColorMode.GRAYSCALE, PixelLimit.none());
    }

    @Test
    void aBadTargetShapeIsRefused() {
        for (int[] bad : new int[][] {{0, 5}, {5, -1}, {5}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> reader(bad, ColorMode.RGB, PixelLimit.defaults()));
            assertTrue(e.getMessage().startsWith("targetSize must be {height, width} with both >= 1"), e.getMessage());
        }
    }

    @Test
    void aTargetInRangeStillLoadsAndReportsItsDecodeOptions(@TempDir Path dir) {
        Path png = TestImages.write(dir.resolve("a.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(12, 10, 3)), "png"));
        ImageFileReader r = reader(new int[] {6, 5}, ColorMode.RGB, PixelLimit.defaults());
        ByteImage image = r.load(png);
        assertEquals(6, image.height());
        assertEquals(5, image.width());
        assertFalse(r.decodeOptions().allowsReducedScale(), "reduced decoding was not asked for");
        ImageFileReader reduced = new ImageFileReader(ImageCodecs.named("imageio"), ColorMode.RGB, new int[] {6, 5},
                ResizeFilter.NEAREST, false, true, true);
        assertEquals(2, reduced.decodeOptions().reduction(12, 14), "12/2 >= max(6, 5), 12/4 < 6");
    }
}
