package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.TestImages;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FlowOptions.resizeInWarp}: the resize folded into the augmentation warp. */
class ResizeInWarpTest {
    private static final ImageDataGenerator PLAIN = ImageDataGenerator.builder().build();

    /** Random bytes, so that every sample of the expected output depends on which pixels were read. */
    private static ByteImage noise(int height, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[height * width * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        return new ByteImage(data, height, width, 3);
    }

    private static void writePng(Path file, ByteImage image) {
        TestImages.write(file, TestImages.encode(TestImages.toBuffered(image), "png"));
    }

    /** Bilinear at half size with centres aligned reads each output pixel at the centre of a 2x2 block. */
    private static void assertBlockMeans(ByteImage source, int top, int left, Tensor image) {
        int h = image.dim(0);
        int w = image.dim(1);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    int sr = top + 2 * r;
                    int sc = left + 2 * c;
                    double mean = (source.get(sr, sc, ch) + source.get(sr, sc + 1, ch) + source.get(sr + 1, sc, ch)
                            + source.get(sr + 1, sc + 1, ch)) / 4.0;
                    assertEquals(mean, image.get(r, c, ch), 1e-3, "pixel (" + r + ", " + c + ", " + ch + ")");
                }
            }
        }
    }

    @Test
    void withoutAugmentationEachPixelIsTheBilinearSampleOfTheDecodedImage(@TempDir Path root) {
        ByteImage source = noise(8, 6, 1);
        writePng(root.resolve("a/img.png"), source);
        FileFlow flow = PLAIN.flowFromDirectory(root,
                FlowOptions.directory().targetSize(4, 3).resizeInWarp(true).shuffle(false));
        Tensor x = flow.get(0).xTensor();
        assertEquals(4, x.dim(1));
        assertEquals(3, x.dim(2));
        assertBlockMeans(source, 0, 0, x.item(0));
    }

    @Test
    void keepAspectRatioResamplesTheCentreCrop(@TempDir Path root) {
        ByteImage source = noise(4, 8, 2);
        writePng(root.resolve("a/img.png"), source);
        FileFlow flow = PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(2, 2).keepAspectRatio(true)
                .resizeInWarp(true).shuffle(false));
        assertBlockMeans(source, 0, 2, flow.get(0).xTensor().item(0));
    }

    @Test
    void augmentedBatchesAgreeWithResizeThenWarpOnSmoothImages(@TempDir Path root) {
        for (int i = 0; i < 4; i++) {
            byte[] data = new byte[48 * 64 * 3];
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    for (int ch = 0; ch < 3; ch++) {
                        data[(y * 64 + x) * 3 + ch] = (byte) (2 * x + y + 10 * ch + 5 * i);
                    }
                }
            }
            writePng(root.resolve("a/img" + i + ".png"), new ByteImage(data, 48, 64, 3));
        }
        ImageDataGenerator augmenting = ImageDataGenerator.builder().rotationRange(20).zoomRange(0.9, 1.1)
                .horizontalFlip(true).verticalFlip(true).widthShiftRange(0.1).build();
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(24, 32).shuffle(false).seed(3);
        Tensor resized = augmenting.flowFromDirectory(root, options.interpolation("bilinear")).get(0).xTensor();
        Tensor folded = augmenting.flowFromDirectory(root, FlowOptions.directory().targetSize(24, 32).shuffle(false)
                .seed(3).resizeInWarp(true)).get(0).xTensor();
        double worst = 0;
        double total = 0;
        for (int i = 0; i < resized.size(); i++) {
            double d = Math.abs(resized.data()[i] - folded.data()[i]);
            worst = Math.max(worst, d);
            total += d;
        }
        // A linear ramp resizes to the same ramp either way; only the edges (Pillow's truncated filter,
        // the fill at another image's edge) and Pillow's rounding to bytes differ.
        assertTrue(total / resized.size() < 0.75, "mean difference " + total / resized.size());
        assertTrue(worst <= 3, "largest difference " + worst);
    }

    @Test
    void conflictingOrMisplacedOptionsAreNamed(@TempDir Path root) {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowFromDirectory(root,
                        FlowOptions.directory().interpolation("bilinear").resizeInWarp(true)));
        assertTrue(both.getMessage().contains("interpolation") && both.getMessage().contains("resizeInWarp"),
                both.getMessage());
        assertTrue(FlowSetters.has(DataFrameFlowOptions.class, "resizeInWarp"));
        assertFalse(FlowSetters.has(ArrayFlowOptions.class, "resizeInWarp"),
                "array flows have no resize to fold: the option does not compile");
        assertFalse(FlowSetters.has(PairDirectoryFlowOptions.class, "resizeInWarp"),
                "image and mask folders resize with Pillow's filters: the option does not compile");
    }
}
