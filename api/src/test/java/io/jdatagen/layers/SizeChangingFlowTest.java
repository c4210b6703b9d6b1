package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.Flows;
import io.jdatagen.flow.SegmentationFlow;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.TestImages;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers that change the image size (CenterCrop, RandomCrop, Resizing) in flows: the flows size their image
 * and mask batches by {@link KerasPipeline#outputSize}, and a flow's batch equals {@link KerasPipeline#apply}
 * on the same images with the same seed.
 */
class SizeChangingFlowTest {
    private static final long SEED = 21;

    /** The stack ending in a crop, and the same ending in a resize; fresh layers per pipeline. */
    private static List<Supplier<KerasLayer[]>> stacks() {
        return List.of(
                () -> new KerasLayer[] {new RandomFlip(), new RandomRotation(0.1), new CenterCrop(8, 10)},
                () -> new KerasLayer[] {new RandomFlip(), new RandomRotation(0.1), new Resizing(9, 7)});
    }

    private static int[] sizeOf(KerasLayer[] layers) {
        KerasLayer last = layers[layers.length - 1];
        return last instanceof CenterCrop ? new int[] {8, 10} : new int[] {9, 7};
    }

    private static KerasPipeline pipeline(KerasPipeline.Mode mode, KerasLayer... layers) {
        return KerasPipeline.builder().layers(layers).mode(mode).backend(new ReferenceBackend()).build();
    }

    /** {@code n} images {@code h × w × c} of whole values 1..255. */
    private static Tensor batch(int n, int h, int w, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(n, h, w, c);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 + r.nextInt(255);
        }
        return x;
    }

    @Test
    void anArrayFlowMakesBatchesOfTheLayersSizeEqualToApply() {
        Tensor x = batch(6, 12, 14, 3, 1);
        Tensor y = Tensor.zeros(6, 1);
        for (Supplier<KerasLayer[]> stack : stacks()) {
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                KerasLayer[] layers = stack.get();
                int[] size = sizeOf(layers);
                KerasPipeline p = pipeline(mode, layers);
                String what = Arrays.toString(size) + " " + mode;
                ArrayFlow flow = p.flow(x, y, FlowOptions.arrays().batchSize(6).shuffle(false).seed(SEED));
                assertArrayEquals(new int[] {size[0], size[1], 3}, flow.imageShape(), what);
                Tensor images = flow.get(0).xTensor();
                assertArrayEquals(new int[] {6, size[0], size[1], 3}, images.shape(), what);
                Tensor expected = p.apply(x, SEED, 0);
                assertArrayEquals(expected.data(), images.data(), what);
                ArrayFlow buffered = p.flow(x, y, FlowOptions.arrays().batchSize(6).shuffle(false).seed(SEED)
                        .output(ElementType.FLOAT32));
                assertArrayEquals(expected.data(), buffered.get(0).x().toTensor().data(), what + " into a buffer");
            }
        }
    }

    @Test
    void aDirectoryFlowMakesBatchesOfTheLayersSizeEqualToApply(@TempDir Path root) {
        ByteImage a = TestImages.gradient(12, 14, 3);
        ByteImage b = TestImages.blocks(12, 14);
        TestImages.write(root.resolve("a/x.png"), TestImages.encode(TestImages.toBuffered(a), "png"));
        TestImages.write(root.resolve("b/y.png"), TestImages.encode(TestImages.toBuffered(b), "png"));
        Tensor loaded = Tensor.zeros(2, 12, 14, 3);
        loaded.setItem(0, floats(a));
        loaded.setItem(1, floats(b));
        for (Supplier<KerasLayer[]> stack : stacks()) {
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                KerasLayer[] layers = stack.get();
                int[] size = sizeOf(layers);
                KerasPipeline p = pipeline(mode, layers);
                String what = Arrays.toString(size) + " " + mode;
                FileFlow flow = p.flowFromDirectory(root, FlowOptions.directory().targetSize(12, 14).batchSize(2)
                        .shuffle(false).seed(SEED));
                Tensor images = flow.get(0).xTensor();
                assertArrayEquals(new int[] {2, size[0], size[1], 3}, images.shape(), what);
                assertArrayEquals(p.apply(loaded, SEED, 0).data(), images.data(), what);
            }
        }
    }

    /** Sources kept at their own sizes are resampled onto the target size, then the layers change the size. */
    @Test
    void aDirectoryFlowResizingInTheWarpMakesBatchesOfTheLayersSize(@TempDir Path root) {
        TestImages.write(root.resolve("a/x.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(20, 30, 3)), "png"));
        TestImages.write(root.resolve("b/y.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.blocks(16, 24)), "png"));
        for (Supplier<KerasLayer[]> stack : stacks()) {
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                KerasLayer[] layers = stack.get();
                int[] size = sizeOf(layers);
                FileFlow flow = pipeline(mode, layers).flowFromDirectory(root, FlowOptions.directory()
                        .targetSize(12, 14).resizeInWarp(true).batchSize(2).shuffle(false).seed(SEED));
                Tensor images = flow.get(0).xTensor();
                assertArrayEquals(new int[] {2, size[0], size[1], 3}, images.shape(), mode.name());
                assertFalse(allZero(images), mode.name());
            }
        }
    }

    /** Flips and crops copy pixels exactly, so masks equal to the images stay equal to them, at the new size. */
    @Test
    void aSegmentationFlowsMasksFollowTheImagesToTheNewSize() {
        Tensor images = batch(4, 9, 11, 1, 2);
        Tensor masks = Tensor.of(images.data().clone(), 4, 9, 11, 1);
        List<Supplier<KerasLayer[]>> crops = List.of(
                () -> new KerasLayer[] {new RandomFlip(), new CenterCrop(5, 6)},
                () -> new KerasLayer[] {new RandomFlip(), new RandomCrop(5, 6, null)});
        for (Supplier<KerasLayer[]> stack : crops) {
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                KerasLayer[] layers = stack.get();
                KerasPipeline p = pipeline(mode, layers);
                String what = layers[1].className() + " " + mode;
                SegmentationFlow flow = Flows.pairsFromArrays(p, images, masks,
                        FlowOptions.pairs().batchSize(4).shuffle(false).seed(SEED));
                assertArrayEquals(new int[] {5, 6, 1}, flow.maskShape(), what);
                Batch b = flow.get(0);
                assertArrayEquals(new int[] {4, 5, 6, 1}, b.xTensor().shape(), what);
                assertArrayEquals(p.apply(images, SEED, 0).data(), b.xTensor().data(), what);
                assertArrayEquals(b.xTensor().data(), b.targets().get(0).data(), what);
            }
        }
    }

    @Test
    void aSegmentationFlowsMasksAreResizedWithTheImages() {
        Tensor images = batch(2, 9, 11, 3, 3);
        Tensor masks = batch(2, 9, 11, 1, 4);
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, new RandomFlip(), new Resizing(6, 7));
        SegmentationFlow flow = Flows.pairsFromArrays(p, images, masks,
                FlowOptions.pairs().batchSize(2).shuffle(false).seed(SEED));
        Batch b = flow.get(0);
        assertArrayEquals(new int[] {2, 6, 7, 3}, b.xTensor().shape());
        assertArrayEquals(new int[] {2, 6, 7, 1}, b.targets().get(0).shape());
        assertArrayEquals(p.apply(images, SEED, 0).data(), b.xTensor().data());
        assertFalse(allZero(b.targets().get(0)));
    }

    /** RandomCrop is an augmentation: samples that are not augmented keep their size; CenterCrop always crops. */
    @Test
    void theOutputSizeFollowsTheLastLayerThatSetsOne() {
        int[] size = {12, 14};
        assertArrayEquals(size, KerasPipeline.of(new RandomFlip()).outputSize(size, true));
        KerasPipeline randomCrop = KerasPipeline.of(new RandomCrop(5, 6, null));
        assertArrayEquals(new int[] {5, 6}, randomCrop.outputSize(size, true));
        assertArrayEquals(size, randomCrop.outputSize(size, false));
        KerasPipeline both = KerasPipeline.of(new Resizing(10, 10), new RandomCrop(5, 6, null));
        assertArrayEquals(new int[] {10, 10}, both.outputSize(size, false));
        assertArrayEquals(new int[] {5, 6}, both.outputSize(size, true));
        assertArrayEquals(new int[] {4, 4}, KerasPipeline.of(new Resizing(10, 10), new CenterCrop(4, 4))
                .outputSize(size, false));
    }

    @Test
    void theValidationSubsetIsNotRandomlyCroppedButIsCenterCropped() {
        Tensor x = batch(4, 12, 14, 3, 5);
        ArrayFlow randomCrop = KerasPipeline.of(new RandomCrop(5, 6, null)).flow(x, null, FlowOptions.arrays()
                .batchSize(2).shuffle(false).seed(SEED).validationSplit(0.5).subset("validation"));
        assertArrayEquals(new int[] {2, 12, 14, 3}, randomCrop.get(0).xTensor().shape());
        assertArrayEquals(x.item(0).data(), randomCrop.get(0).xTensor().item(0).data());
        ArrayFlow centerCrop = KerasPipeline.of(new CenterCrop(5, 6)).flow(x, null, FlowOptions.arrays()
                .batchSize(2).shuffle(false).seed(SEED).validationSplit(0.5).subset("validation"));
        assertArrayEquals(new int[] {2, 5, 6, 3}, centerCrop.get(0).xTensor().shape());
    }

    @Test
    void aRandomCropLargerThanTheImagesIsRefusedNamingBothSizes() {
        KerasPipeline p = KerasPipeline.of(new RandomCrop(20, 6, null));
        ArrayFlow flow = p.flow(batch(2, 12, 14, 3, 6), null, FlowOptions.arrays().batchSize(2).seed(SEED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flow.get(0));
        assertTrue(e.getMessage().contains("RandomCrop(20, 6)") && e.getMessage().contains("12x14"),
                e.getMessage());
    }

    private static Tensor floats(ByteImage image) {
        byte[] d = image.data();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = d[i] & 0xFF;
        }
        return Tensor.of(f, image.height(), image.width(), image.channels());
    }

    private static boolean allZero(Tensor t) {
        for (float v : t.data()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
