package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.GeneratorBuilder;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image and mask pairs stay aligned under random transforms. */
class SegmentationFlowTest {
    private static final int H = 40;
    private static final int W = 48;

    /** Gray images of bright discs (200..255) on a dark background (10..60), values away from 128. */
    private static Tensor discs(int n, long seed) {
        Tensor t = Tensor.zeros(n, H, W, 1);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int cy = rng.nextInt(8, H - 8);
            int cx = rng.nextInt(8, W - 8);
            int radius = rng.nextInt(5, 12);
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    boolean inside = (r - cy) * (r - cy) + (c - cx) * (c - cx) < radius * radius;
                    t.set(inside ? 200 + (r + c) % 56 : 10 + (r * c) % 51, i, r, c, 0);
                }
            }
        }
        return t;
    }

    private static Tensor threshold(Tensor images) {
        Tensor m = Tensor.zeros(images.shape());
        for (int k = 0; k < m.size(); k++) {
            m.data()[k] = images.data()[k] > 128 ? 1 : 0;
        }
        return m;
    }

    private static GeneratorBuilder augmenting() {
        return ImageDataGenerator.builder().rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.2)
                .zoomRange(0.3).shearRange(10).horizontalFlip(true).verticalFlip(true).fillMode(FillMode.CONSTANT);
    }

    @Test
    void withNearestInterpolationTheMaskEqualsTheThresholdedAugmentedImage() {
        Tensor images = discs(12, 1);
        Tensor masks = threshold(images);
        ImageDataGenerator g = augmenting().interpolationOrder(0).build();
        SegmentationFlow flow = g.flowPairs(images, masks, FlowOptions.pairs().batchSize(5).seed(3));
        assertEquals(3, flow.size());
        int changed = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (Batch b : flow.atEpoch(epoch)) {
                assertArrayEquals(threshold(b.xTensor()).data(), b.y().data(), "epoch " + epoch);
                changed += java.util.Arrays.equals(b.y().data(), threshold(images).data()) ? 0 : 1;
            }
        }
        assertEquals(6, changed, "the transforms really move the masks");
    }

    @Test
    void withBilinearImagesTheyDisagreeOnlyOnDiscEdges() {
        Tensor images = discs(8, 2);
        ImageDataGenerator g = augmenting().build();
        Batch b = g.flowPairs(images, threshold(images), FlowOptions.pairs().batchSize(8).seed(5)).get(0);
        Tensor expected = threshold(b.xTensor());
        int mismatches = 0;
        int edges = 0;
        for (int i = 0; i < 8; i++) {
            for (int r = 1; r < H - 1; r++) {
                for (int c = 1; c < W - 1; c++) {
                    float m = b.y().get(i, r, c, 0);
                    boolean edge = false;
                    for (int[] d : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
                        edge |= expected.get(i, r + d[0], c + d[1], 0) != expected.get(i, r, c, 0);
                    }
                    edges += edge ? 1 : 0;
                    if (m != expected.get(i, r, c, 0)) {
                        mismatches++;
                        assertTrue(edge, "a disagreement away from an edge at image " + i + " (" + r + ", " + c + ")");
                    }
                }
            }
        }
        assertTrue(mismatches < edges / 3, mismatches + " mismatches, " + edges + " edge pixels");
        for (float v : b.y().data()) {
            assertTrue(v == 0 || v == 1, "nearest interpolation keeps labels; got " + v);
        }
    }

    @Test
    void masksAreFilledWithTheIgnoreValueAndSkipColorAndStandardization() {
        Tensor images = discs(1, 3);
        Tensor masks = threshold(images);
        ImageDataGenerator g = ImageDataGenerator.builder().widthShiftRange(0.5).fillMode(FillMode.CONSTANT).cval(7)
                .brightnessRange(0.5, 1.5).channelShiftRange(30).rescale(1 / 255.0).build();
        Batch b = g.flowPairs(images, masks, FlowOptions.pairs().maskFillValue(255).seed(11)).get(0);
        int ignored = 0;
        for (float v : b.y().data()) {
            assertTrue(v == 0 || v == 1 || v == 255, "label or ignore value; got " + v);
            ignored += v == 255 ? 1 : 0;
        }
        assertTrue(ignored > 0, "the shift exposes fill");
        assertTrue(b.xTensor().data()[0] < 1.5, "images are rescaled");
    }

    @Test
    void validationPairsAreNotAugmentedWhenTheGeneratorSaysSo() {
        Tensor images = discs(10, 4);
        Tensor masks = threshold(images);
        ImageDataGenerator g = augmenting().validationSplit(0.3).augmentValidation(false).build();
        SegmentationFlow validation = g.flowPairs(images, masks,
                FlowOptions.pairs().subset(Subset.VALIDATION).shuffle(false).batchSize(10));
        Batch b = validation.get(0);
        assertArrayEquals(new int[] {0, 1, 2}, b.indices());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(images.item(i).data(), b.xTensor().item(i).data());
            assertArrayEquals(masks.item(i).data(), b.y().item(i).data());
        }
        SegmentationFlow training = g.flowPairs(images, masks, FlowOptions.pairs().subset(Subset.TRAINING));
        assertEquals(7, training.samples());
        assertTrue(training.augments());
    }

    @Test
    void arraysMustAgreeInRowsHeightAndWidth() {
        ImageDataGenerator g = ImageDataGenerator.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.flowPairs(Tensor.zeros(2, 8, 8, 3), Tensor.zeros(2, 8, 9, 1), FlowOptions.pairs()));
        assertTrue(e.getMessage().contains("masks must have one row per image"), e.getMessage());
        assertFalse(FlowSetters.has(PairFlowOptions.class, "classMode"),
                "pairs have masks, not class labels: classMode does not compile");
    }

    @Test
    void folderPairsMatchByRelativePathAndStayAligned(@TempDir Path root) {
        Tensor images = discs(6, 6);
        Path imageDir = root.resolve("images");
        Path maskDir = root.resolve("masks");
        String[] names = {"a.png", "b.png", "sub/c.png", "sub/d.png", "sub/deeper/e.png", "f.png"};
        for (int i = 0; i < names.length; i++) {
            byte[] pixels = new byte[H * W];
            byte[] labels = new byte[H * W];
            for (int k = 0; k < pixels.length; k++) {
                pixels[k] = (byte) images.data()[i * H * W + k];
                labels[k] = (byte) (images.data()[i * H * W + k] > 128 ? 1 : 0);
            }
            TestImages.write(imageDir.resolve(names[i]), TestImages.encode(TestImages.toBuffered(
                    new ByteImage(pixels, H, W, 1)), "png"));
            // Masks are PNG; one is stored under another extension (image .png, mask .bmp).
            String maskName = i == 5 ? "f.bmp" : names[i];
            TestImages.write(maskDir.resolve(maskName), TestImages.encode(TestImages.toBuffered(
                    new ByteImage(labels, H, W, 1)), i == 5 ? "bmp" : "png"));
        }
        ImageDataGenerator g = augmenting().interpolationOrder(0).build();
        SegmentationFlow flow = g.flowPairsFromDirectories(imageDir, maskDir, FlowOptions.pairDirectories()
                .targetSize(H, W).colorMode("grayscale").batchSize(6).seed(1));
        assertEquals(List.of("a.png", "b.png", "f.png", "sub/c.png", "sub/d.png", "sub/deeper/e.png"),
                flow.filenames());
        assertArrayEquals(new int[] {H, W, 1}, flow.maskShape());
        Batch b = flow.get(0);
        assertArrayEquals(threshold(b.xTensor()).data(), b.y().data());
        assertEquals(6, b.filenames().size());

        Path corrupt = TestImages.write(maskDir.resolve("b.png"), new byte[] {1, 2, 3});
        SegmentationFlow skipping = g.flowPairsFromDirectories(imageDir, maskDir, FlowOptions.pairDirectories()
                .targetSize(H, W).colorMode("grayscale").skipUnreadable(true));
        assertEquals(List.of(corrupt), skipping.skippedFiles());
        assertEquals(5, skipping.samples());
        assertTrue(!skipping.filenames().contains("b.png"), "the pair with the unreadable mask is left out");

        TestImages.write(imageDir.resolve("sub/g.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(H, W, 1)), "png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.flowPairsFromDirectories(imageDir, maskDir, FlowOptions.pairDirectories()));
        assertTrue(e.getMessage().startsWith("no mask for image sub/g.png: expected " + maskDir.resolve("sub/g.png")),
                e.getMessage());
    }
}
