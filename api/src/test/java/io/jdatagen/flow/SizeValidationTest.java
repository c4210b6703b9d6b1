package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.ElementType;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes are checked where they are given: a target size or batch size that no batch could have is
 * refused when the options or the flow are built, naming the argument and its range, never a file.
 */
class SizeValidationTest {
    private static final ImageDataGenerator PLAIN = ImageDataGenerator.builder().build();

    /** {@code n} small PNGs in {@code root/cls}. */
    private static Path folder(Path root, int n) {
        for (int i = 0; i < n; i++) {
            TestImages.write(root.resolve("cls/img" + i + ".png"), TestImages.encode(TestImages.toBuffered(
                    TestImages.gradient(8, 8, 3)), "png"));
        }
        return root;
    }

    @Test
    void aTargetSizeLargerThanOneArrayIsRefusedAtBuildEvenWithoutAPixelLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.directory().maxImagePixels(0).targetSize(50_000, 50_000).build());
        assertTrue(e.getMessage().startsWith("targetSize 50000 x 50000 is 2500000000 pixels of 3 channels; height x"
                + " width must be at most 715827879"), e.getMessage());
        IllegalArgumentException gray = assertThrows(IllegalArgumentException.class, () -> FlowOptions.directory()
                .maxImagePixels(0).targetSize(40_000, 60_000).colorMode("grayscale").build());
        assertTrue(gray.getMessage().startsWith("targetSize 40000 x 60000 is 2400000000 pixels of 1 channels"),
                gray.getMessage());
        FlowOptions.directory().maxImagePixels(0).targetSize(20_000, 30_000).colorMode("grayscale").build();
    }

    @Test
    void aBatchThatCannotExistIsRefusedWhenTheFlowIsBuiltNotBlamingAFile(@TempDir Path root) {
        folder(root, 10);
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(9000, 9000).batchSize(32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowFromDirectory(root, options));
        assertTrue(e.getMessage().startsWith("batchSize 32 with images of shape [9000, 9000, 3] makes batches of 10 x"
                + " 243000000 = 2430000000 values"), e.getMessage());
        assertTrue(e.getMessage().contains("batchSize must be in [1, 8]"), e.getMessage());
        assertFalse(e.getMessage().contains(".png"), "no file is blamed: " + e.getMessage());
        FileFlow fits = PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(9000, 9000).batchSize(8));
        assertEquals(2, fits.size(), "the largest batch size in the range is accepted");
    }

    @Test
    void aBatchSizeAboveTheSamplesOnlyCountsTheSamplesThereAre(@TempDir Path root) {
        folder(root, 2);
        FileFlow flow = PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(9000, 9000)
                .batchSize(Integer.MAX_VALUE));
        assertEquals(1, flow.size(), "one batch of the 2 images, 486,000,000 values");
    }

    @Test
    void outputBatchesAreCheckedAgainstOneDirectBuffer(@TempDir Path root) {
        folder(root, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLAIN.flowFromDirectory(root,
                FlowOptions.directory().targetSize(9000, 9000).batchSize(3).output(ElementType.FLOAT32)));
        assertTrue(e.getMessage().contains("a batch holds at most 536870911 float32 values in one direct buffer of"
                + " at most 2147483647 bytes; batchSize must be in [1, 2]"), e.getMessage());
        assertEquals(1, PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(9000, 9000).batchSize(3))
                .size(), "the same batch on the heap fits one float[]");
        assertEquals(2, PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(9000, 9000).batchSize(2)
                .output(ElementType.FLOAT32)).size());
    }

    @Test
    void segmentationBatchesAreRefusedBeforeAnyFileIsDecoded(@TempDir Path root) {
        for (int i = 0; i < 10; i++) {
            // Not images: with skipUnreadable a scan would leave them all out (and no batch at all).
            TestImages.write(root.resolve("images/p" + i + ".png"), new byte[] {1, 2, 3});
            TestImages.write(root.resolve("masks/p" + i + ".png"), new byte[] {1, 2, 3});
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowPairsFromDirectories(root.resolve("images"), root.resolve("masks"),
                        FlowOptions.pairDirectories().targetSize(9000, 9000).batchSize(32).skipUnreadable(true)));
        assertTrue(e.getMessage().startsWith("batchSize 32 with images of shape [9000, 9000, 3]"), e.getMessage());
        IllegalArgumentException skipped = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowPairsFromDirectories(root.resolve("images"), root.resolve("masks"),
                        FlowOptions.pairDirectories().targetSize(9000, 9000).batchSize(8).skipUnreadable(true)));
        assertTrue(skipped.getMessage().contains("every pair was unreadable and skipped (skipUnreadable)"),
                "with a batch size in range the scan runs, skips every pair and names them: " + skipped.getMessage());
    }

    @Test
    void segmentationMaskBatchesAreCheckedToo(@TempDir Path root) {
        for (int i = 0; i < 10; i++) {
            TestImages.write(root.resolve("images/p" + i + ".png"), new byte[] {1, 2, 3});
            TestImages.write(root.resolve("masks/p" + i + ".png"), new byte[] {1, 2, 3});
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowPairsFromDirectories(root.resolve("images"), root.resolve("masks"),
                        FlowOptions.pairDirectories().targetSize(9000, 9000).colorMode("grayscale")
                                .maskColorMode(io.jdatagen.io.ColorMode.RGBA).batchSize(8)));
        assertTrue(e.getMessage().startsWith("batchSize 8 with masks of shape [9000, 9000, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("batchSize must be in [1, 6]"), e.getMessage());
    }
}
