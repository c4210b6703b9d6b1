package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.spi.SourceImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code flow} on arrays: KERAS-SPEC.md §8.3 and §4.1. */
class ArrayFlowTest {
    private static final ImageDataGenerator PLAIN = ImageDataGenerator.builder().build();

    static Tensor images(int n, int h, int w, int c, long seed) {
        Tensor t = Tensor.zeros(n, h, w, c);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(0, 255);
        }
        return t;
    }

    static Tensor arange(int n, float start) {
        Tensor t = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            t.data()[i] = start + i;
        }
        return t;
    }

    static ArrayFlowOptions options() {
        return FlowOptions.arrays();
    }

    @Test
    void unshuffledBatchesFollowTheRowsWithLabelsAndWeights() {
        for (int channels : new int[] {1, 3, 4}) {
            Tensor x = images(8, 20, 20, channels, channels);
            ArrayFlow flow = PLAIN.flow(x, List.of(), arange(8, 0), arange(8, 1),
                    options().batchSize(3).shuffle(false));
            assertEquals(3, flow.size());
            Batch first = flow.get(0);
            assertArrayEquals(new float[] {0, 1, 2}, first.y().data());
            assertArrayEquals(new float[] {1, 2, 3}, first.sampleWeights().orElseThrow().data());
            assertArrayEquals(new int[] {3, 20, 20, channels}, first.x().shape());
            assertArrayEquals(new float[] {6, 7}, flow.get(2).y().data());
            // An identity generator copies the rows.
            assertArrayEquals(x.item(1).data(), first.xTensor().item(1).data());
        }
    }

    @Test
    void withoutLabelsTheBatchIsTheImagesOnly() {
        Batch b = PLAIN.flow(images(8, 20, 20, 3, 1), null, options().batchSize(3)).get(0);
        assertFalse(b.hasTargets());
        assertArrayEquals(new int[] {3, 20, 20, 3}, b.x().shape());
        assertThrows(IllegalArgumentException.class, () -> PLAIN.flow(images(8, 4, 4, 3, 1), List.of(), null,
                arange(8, 1), FlowOptions.arrays()), "weights without labels");
    }

    @Test
    void extraInputsPassThroughRowByRow() {
        Tensor misc1 = images(8, 3, 1, 1, 5).reshape(8, 3);
        Tensor misc2 = arange(8, 100);
        ArrayFlow flow = PLAIN.flow(images(8, 20, 20, 3, 2), List.of(misc1, misc2), arange(8, 0), null,
                options().batchSize(2).shuffle(false));
        for (int i = 0; i < 3; i++) {
            Batch b = flow.get(i);
            assertEquals(3, b.inputs().size());
            assertArrayEquals(new int[] {2, 20, 20, 3}, b.x().shape());
            assertArrayEquals(java.util.Arrays.copyOfRange(misc1.data(), 6 * i, 6 * i + 6), b.extraInputs().get(0).data());
            assertArrayEquals(new float[] {100 + 2 * i, 101 + 2 * i}, b.extraInputs().get(1).data());
        }
        Batch noLabels = PLAIN.flow(images(8, 4, 4, 3, 2), List.of(misc2), null, null, FlowOptions.arrays()).get(0);
        assertEquals(2, noLabels.inputs().size());
        assertFalse(noLabels.hasTargets());
    }

    @Test
    void shufflingIsSeededAndChangesEveryEpoch() {
        ArrayFlow flow = PLAIN.flow(images(8, 20, 20, 3, 3), arange(8, 0),
                options().batchSize(3).shuffle(true).seed(123));
        float[] first = flow.get(0).y().data();
        assertNotEquals(java.util.Arrays.toString(new float[] {0, 1, 2}), java.util.Arrays.toString(first));
        assertArrayEquals(first, flow.get(0).y().data(), "get is pure");
        flow.onEpochEnd();
        assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(flow.get(0).y().data()));
        ArrayFlow again = PLAIN.flow(images(8, 20, 20, 3, 3), arange(8, 0),
                options().batchSize(3).shuffle(true).seed(123));
        assertArrayEquals(first, again.get(0).y().data(), "same seed, same order");
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> flow.get(3));
        assertEquals("Asked to retrieve element 3, but the Sequence has length 3", e.getMessage());
    }

    @Test
    void validationSplitTakesTheFirstRowsAndSplitsTheWeightsWithThem() {
        ImageDataGenerator split = ImageDataGenerator.builder().validationSplit(0.5).build();
        Tensor y = Tensor.of(new float[] {0, 1, 0, 1, 0, 1, 0, 1}, 8);
        Tensor w = Tensor.of(new float[] {0, 10, 20, 30, 40, 50, 60, 70}, 8);
        ArrayFlow training = split.flow(images(8, 4, 4, 3, 4), List.of(), y, w,
                options().batchSize(8).shuffle(false).subset("training"));
        assertEquals(4, training.samples());
        Batch b = training.get(0);
        assertArrayEquals(new int[] {4, 5, 6, 7}, b.indices());
        assertArrayEquals(new float[] {40, 50, 60, 70}, b.sampleWeights().orElseThrow().data());
        ArrayFlow validation = split.flow(images(8, 4, 4, 3, 4), List.of(), y, w,
                options().batchSize(8).shuffle(false).subset(Subset.VALIDATION));
        assertArrayEquals(new int[] {0, 1, 2, 3}, validation.get(0).indices());
        assertEquals(8, split.flow(images(8, 4, 4, 3, 4), y, FlowOptions.arrays()).samples(),
                "no subset: all rows");
        ImageDataGenerator odd = ImageDataGenerator.builder().validationSplit(0.29).build();
        assertEquals(72, odd.flow(images(100, 2, 2, 1, 1), null, options().subset("training")).samples(),
                "int(100 * 0.29) = 28 rows of validation");
    }

    @Test
    void classSplitCheckAndErrorsUseKerasMessages() {
        ImageDataGenerator split = ImageDataGenerator.builder().validationSplit(0.5).build();
        Tensor sorted = Tensor.of(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> split.flow(
                images(8, 4, 4, 3, 1), sorted, options().subset("training")));
        assertEquals("Training and validation subsets have different number of classes after the split. If your numpy"
                + " arrays (the x and y tensors given to flow, in Java) are sorted by the label, you might want to"
                + " shuffle them.", e.getMessage());
        assertEquals(4, split.flow(images(8, 4, 4, 3, 1), sorted,
                options().subset("training").ignoreClassSplit(true)).samples());
        IllegalArgumentException subset = assertThrows(IllegalArgumentException.class,
                () -> split.flow(images(8, 4, 4, 3, 1), sorted, options().subset("foo")));
        assertEquals("('Invalid subset name:', 'foo', '; expected \"training\" or \"validation\".')",
                subset.getMessage());
        IllegalArgumentException quoted = assertThrows(IllegalArgumentException.class,
                () -> split.flow(images(8, 4, 4, 3, 1), sorted, options().subset("it's")));
        assertTrue(quoted.getMessage().startsWith("('Invalid subset name:', \"it's\", "), quoted.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flow(Tensor.zeros(8, 4, 4), null, FlowOptions.arrays()));
        assertTrue(rank.getMessage().startsWith("Input data in `NumpyArrayIterator` (ImageDataGenerator.flow in Java)"
                + " should have rank 4."), rank.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flow(images(8, 4, 4, 3, 1), arange(7, 0), FlowOptions.arrays()));
        assertTrue(length.getMessage().startsWith("`x` (images tensor) and `y` (labels) should have the same length."));
        IllegalArgumentException misc = assertThrows(IllegalArgumentException.class, () -> PLAIN.flow(
                images(8, 4, 4, 3, 1), List.of(arange(5, 0)), null, null, FlowOptions.arrays()));
        assertTrue(misc.getMessage().startsWith("All of the arrays in `x` should have the same length."));
        assertFalse(FlowSetters.has(ArrayFlowOptions.class, "targetSize"),
                "the array flow's options have no target size: setting one does not compile");
    }

    @Test
    void saveToDirWritesEveryAugmentedImageScaledToBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Tensor x = images(5, 6, 7, 3, 8);
        ArrayFlow flow = PLAIN.flow(x, arange(5, 0), options().batchSize(5).shuffle(false).seed(4)
                .saveToDir(dir).savePrefix("aug").saveFormat("png"));
        flow.get(0);
        java.util.List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(dir)) {
            files = listing.sorted().toList();
        }
        assertEquals(5, files.size());
        for (java.nio.file.Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.matches("aug_[0-4]_\\d{1,4}\\.png"), name);
            int row = Integer.parseInt(name.split("_")[1]);
            java.awt.image.BufferedImage saved = javax.imageio.ImageIO.read(file.toFile());
            assertEquals(7, saved.getWidth());
            // array_to_img(scale=True): min -> 0, max -> 255, truncated.
            float[] v = x.item(row).data();
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float f : v) {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
            int expectedRed = (int) ((v[0] - min) * (255.0 / (max - min)));
            assertEquals(expectedRed, (saved.getRGB(0, 0) >> 16) & 0xFF, name);
        }
        assertThrows(IllegalArgumentException.class, () -> options().saveFormat("webp2"));
    }

    @Test
    void rightAngleNearestRotationsKeepTheLabelValues() {
        Tensor labels = Tensor.zeros(4, 12, 12, 1);
        for (int i = 0; i < labels.size(); i++) {
            labels.data()[i] = (i * 7919) % 5;
        }
        ImageDataGenerator rotate = ImageDataGenerator.builder().rotationRange(90).interpolationOrder(0).build();
        Batch b = rotate.flow(labels, null, options().batchSize(4).seed(3)).get(0);
        TreeSet<Float> in = new TreeSet<>();
        TreeSet<Float> out = new TreeSet<>();
        for (float v : labels.data()) {
            in.add(v);
        }
        for (float v : b.xTensor().data()) {
            out.add(v);
        }
        assertTrue(in.containsAll(out), "nearest never invents values: " + out);
    }

    @Test
    void theFusedSamplePathEqualsApplyTransformThenStandardize() {
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(25).widthShiftRange(0.1)
                .heightShiftRange(0.15).zoomRange(0.2).horizontalFlip(true).rescale(1 / 255.0)
                .featurewiseCenter(true).featurewiseStdNormalization(true).build();
        Tensor x = images(6, 17, 23, 3, 9);
        g.fit(x);
        Tensor batch = Tensor.zeros(1, 17, 23, 3);
        for (int i = 0; i < 6; i++) {
            TransformParameters p = g.augmentInto(SourceImage.of(x.item(i), DataFormat.CHANNELS_LAST),
                    new SplittableRandom(i), batch, 0);
            Tensor expected = g.standardize(g.applyTransform(x.item(i), p));
            float[] got = batch.item(0).data();
            for (int k = 0; k < got.length; k++) {
                assertEquals(expected.data()[k], got[k], 1e-5, "sample " + i + " element " + k);
            }
        }
    }
}
