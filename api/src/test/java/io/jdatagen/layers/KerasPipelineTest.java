package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.Flows;
import io.jdatagen.flow.SegmentationFlow;
import io.jdatagen.io.TestImages;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasPipelineTest {
    private static final Backend REFERENCE = new ReferenceBackend();
    private static final Resampling BILINEAR_CONSTANT = new Resampling(Interpolation.BILINEAR, FillMode.CONSTANT, 0,
            WrapConvention.PERIODIC);

    /** A batch of {@code n} images {@code h × w × c} of whole values 1..255 (no zero, so a fill shows). */
    private static Tensor batch(int n, int h, int w, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(n, h, w, c);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 + r.nextInt(255);
        }
        return x;
    }

    private static KerasPipeline pipeline(KerasPipeline.Mode mode, KerasLayer... layers) {
        return KerasPipeline.builder().layers(layers).mode(mode).backend(REFERENCE).build();
    }

    private static int segments(KerasPipeline.Mode mode, KerasLayer... layers) {
        return LayerSegments.split(List.of(layers), mode, REFERENCE, DataFormat.CHANNELS_LAST).segments().size();
    }

    @Test
    void fusedFoldsEachRunOfAlikeGeometricLayersWithTheLayersAfterIt() {
        KerasLayer[] layers = {new FakeLayers.Flip(), new FakeLayers.Shift(2, 0, FakeLayers.NEAREST),
            new FakeLayers.Scale(2), new FakeLayers.Invert(), new FakeLayers.Shift(1, 0.5, FakeLayers.BILINEAR),
            new FakeLayers.Shift(1, 0.25, FakeLayers.BILINEAR), new FakeLayers.Scale(0.5f)};
        List<StepPipeline> fused = LayerSegments.split(List.of(layers), KerasPipeline.Mode.FUSED, REFERENCE,
                DataFormat.CHANNELS_LAST).segments();
        assertEquals(2, fused.size());
        assertEquals(List.of(layers[0], layers[1], layers[2], layers[3]), fused.get(0).steps());
        assertEquals(List.of(layers[4], layers[5], layers[6]), fused.get(1).steps());
        assertEquals(7, segments(KerasPipeline.Mode.KERAS_REFERENCE, layers));
    }

    @Test
    void geometricLayersThatSampleDifferentlyStartNewSegments() {
        assertEquals(2, segments(KerasPipeline.Mode.FUSED, new FakeLayers.Shift(1, 0, FakeLayers.NEAREST),
                new FakeLayers.Shift(1, 0, FakeLayers.BILINEAR)));
        assertEquals(1, segments(KerasPipeline.Mode.FUSED, new FakeLayers.Shift(1, 0, FakeLayers.BILINEAR),
                new FakeLayers.Shift(1, 0, FakeLayers.BILINEAR)));
        assertEquals(1, segments(KerasPipeline.Mode.FUSED, new FakeLayers.Scale(2), new FakeLayers.Invert()));
        assertEquals(1, segments(KerasPipeline.Mode.FUSED));
    }

    @Test
    void refusesABatchLayerBeforeAPerSampleLayerAndALayerListedTwice() {
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> KerasPipeline.of(new FakeLayers.Reverse(), new FakeLayers.Flip()));
        assertTrue(late.getMessage().contains("FakeFlip follows the batch layer"), late.getMessage());
        FakeLayers.Flip flip = new FakeLayers.Flip();
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> KerasPipeline.of(flip, flip));
        assertTrue(twice.getMessage().contains("FakeFlip is listed twice"), twice.getMessage());
    }

    /**
     * With whole-pixel maps, nearest sampling and a pixel layer between the runs (so no fill of one layer is
     * read again by another), the modes differ only in how many warps they take: the pixels are equal, which
     * also shows that both modes draw the same transformations from a seed.
     */
    @Test
    void bothModesDrawTheSameTransformationsFromASeed() {
        Tensor x = batch(6, 5, 7, 3, 1);
        for (Backend backend : List.of(REFERENCE, new ScalarBackend())) {
            KerasLayer[] layers = {new FakeLayers.Flip(), new FakeLayers.Shift(2, 0, FakeLayers.NEAREST),
                new FakeLayers.Invert(), new FakeLayers.Shift(1, 0, FakeLayers.NEAREST), new FakeLayers.Scale(0.5f)};
            Tensor fused = KerasPipeline.builder().layers(layers).backend(backend).build().apply(x, 11);
            Tensor reference = KerasPipeline.builder().layers(layers).backend(backend)
                    .mode(KerasPipeline.Mode.KERAS_REFERENCE).build().apply(x, 11);
            assertArrayEquals(reference.data(), fused.data(), backend.name());
            assertFalse(java.util.Arrays.equals(x.data(), fused.data()));
        }
    }

    @Test
    void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() {
        Tensor x = batch(4, 6, 6, 3, 2);
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, new FakeLayers.Shift(2, 0.5, FakeLayers.BILINEAR),
                new FakeLayers.Invert());
        assertArrayEquals(p.apply(x, 5).data(), p.apply(x, 5).data());
        assertFalse(java.util.Arrays.equals(p.apply(x, 5).data(), p.apply(x, 6).data()));
        assertFalse(java.util.Arrays.equals(p.apply(x, 5, 0).data(), p.apply(x, 5, 1).data()));
    }

    /**
     * Sample {@code i} of a batch draws from {@code forSample(seed, epoch, i)}, through segments that crop
     * (the size changes between segments) and resample: the batch equals each image run on its own.
     */
    @Test
    void aBatchEqualsItsImagesRunOneByOne() {
        Tensor x = batch(5, 7, 8, 3, 3);
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = pipeline(mode, new FakeLayers.Crop(5, 6), new FakeLayers.Invert(),
                    new FakeLayers.Shift(1, 0.5, FakeLayers.BILINEAR), new FakeLayers.Scale(0.5f));
            Tensor out = p.apply(x, 9, 2);
            assertArrayEquals(new int[] {5, 5, 6, 3}, out.shape());
            for (int i = 0; i < 5; i++) {
                Tensor one = p.transformImage(x.item(i), RandomKeys.forSample(9, 2, i));
                assertArrayEquals(one.data(), out.item(i).data(), mode + " sample " + i);
                Tensor alone = p.transformImage(x.item(i), RandomKeys.forSample(9, 2, 0));
                assertArrayEquals(alone.data(), p.apply(x.item(i), 9, 2).data(), mode + " image " + i);
            }
        }
    }

    /** Given transformations: KERAS_REFERENCE is each layer's warp in turn, FUSED one warp of them all. */
    @Test
    void givenTransformationsResampleOncePerLayerOrOnceInAll() {
        Tensor image = batch(1, 6, 7, 2, 4).item(0);
        FakeLayers.Shift a = new FakeLayers.Shift(1, 0, BILINEAR_CONSTANT);
        FakeLayers.Shift b = new FakeLayers.Shift(1, 0, BILINEAR_CONSTANT);
        FakeLayers.Scale s = new FakeLayers.Scale(0.5f);
        double[] pa = {0.5, -1.25};
        double[] pb = {-0.75, 0.5};
        Map<KerasLayer, Object> given = Map.of(a, pa, b, pb, s, 0.5f);

        Tensor layered = image;
        for (Step step : List.<Step>of(a, b, s)) {
            StepPipeline one = new StepPipeline(List.of(step), step == s ? LayerSegments.IDENTITY : BILINEAR_CONSTANT,
                    REFERENCE, DataFormat.CHANNELS_LAST, null, null);
            layered = one.transformImage(layered, null, one.given(Map.of(step, given.get((KerasLayer) step))));
        }
        Tensor reference = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, a, b, s).transformGiven(image, given);
        assertArrayEquals(layered.data(), reference.data());

        StepPipeline all = new StepPipeline(List.of(a, b, s), BILINEAR_CONSTANT, REFERENCE, DataFormat.CHANNELS_LAST,
                null, null);
        Tensor once = all.transformImage(image, null, all.given(Map.of(a, pa, b, pb, s, 0.5f)));
        Tensor fused = pipeline(KerasPipeline.Mode.FUSED, a, b, s).transformGiven(image, given);
        assertArrayEquals(once.data(), fused.data());
        assertFalse(java.util.Arrays.equals(fused.data(), reference.data()), "one resampling blurs less than two");
    }

    /** The documented difference: a fill made by one layer is read again by the next only layer by layer. */
    @Test
    void keras_referenceKeepsTheFillOfAnEarlierLayer() {
        Tensor image = batch(1, 4, 6, 1, 5).item(0);
        FakeLayers.Shift right = new FakeLayers.Shift(2, 0, FakeLayers.NEAREST);
        FakeLayers.Shift left = new FakeLayers.Shift(2, 0, FakeLayers.NEAREST);
        Map<KerasLayer, Object> given = Map.of(right, new double[] {0, 2}, left, new double[] {0, -2});
        Tensor fused = pipeline(KerasPipeline.Mode.FUSED, right, left).transformGiven(image, given);
        assertArrayEquals(image.data(), fused.data());
        Tensor reference = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, right, left).transformGiven(image, given);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 6; c++) {
                float expected = c < 4 ? image.data()[r * 6 + c] : 0;
                assertEquals(expected, reference.data()[r * 6 + c], "row " + r + " column " + c);
            }
        }
    }

    @Test
    void runsInAFlowAsOnABatch() {
        Tensor x = batch(8, 6, 5, 3, 6);
        Tensor y = Tensor.zeros(8, 1);
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = pipeline(mode, new FakeLayers.Flip(), new FakeLayers.Invert(),
                    new FakeLayers.Shift(1, 0.5, FakeLayers.BILINEAR));
            ArrayFlow flow = p.flow(x, y, FlowOptions.arrays().batchSize(4).shuffle(false).seed(21));
            Tensor first = flow.get(0).xTensor();
            Tensor expected = p.apply(sliceOf(x, 0, 4), 21, 0);
            assertArrayEquals(expected.data(), first.data(), mode.name());
            ArrayFlow buffered = p.flow(x, y, FlowOptions.arrays().batchSize(4).shuffle(false).seed(21)
                    .output(ElementType.FLOAT32));
            assertArrayEquals(expected.data(), buffered.get(0).x().toTensor().data(), mode + " into a buffer");
        }
    }

    @Test
    void aFlowRefusesUint8OutputAfterANormalizingLayer() {
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, new FakeLayers.Flip(), new FakeLayers.Scale(0.5f));
        assertEquals(List.of("FakeScale"), p.fractionalSteps());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.flow(batch(4, 3, 3, 1, 0),
                null, FlowOptions.arrays().batchSize(2).output(ElementType.UINT8)));
        assertTrue(e.getMessage().contains("FakeScale makes"), e.getMessage());
    }

    @Test
    void batchLayersRunOnTheAssembledBatch() {
        Tensor x = batch(4, 5, 5, 3, 7);
        Tensor y = Tensor.zeros(4, 1);
        for (int i = 0; i < 4; i++) {
            y.data()[i] = i;
        }
        FakeLayers.Flip flip = new FakeLayers.Flip();
        KerasPipeline withBatch = KerasPipeline.builder().layers(flip, new FakeLayers.Reverse()).backend(REFERENCE)
                .build();
        Batch b = withBatch.flow(x, y, FlowOptions.arrays().batchSize(4).shuffle(false).seed(3)).get(0);
        assertArrayEquals(new float[] {3, 2, 1, 0}, b.targets().get(0).data());
        Tensor perSample = KerasPipeline.builder().layers(new FakeLayers.Flip()).backend(REFERENCE).build()
                .apply(x, 3);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(perSample.item(3 - i).data(), b.xTensor().item(i).data());
        }
        assertArrayEquals(b.xTensor().data(), withBatch.apply(Batch.of(x, y, new int[] {0, 1, 2, 3}), 3, 0)
                .xTensor().data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withBatch.apply(x, 3));
        assertTrue(e.getMessage().contains("FakeReverse"), e.getMessage());
    }

    /** Segmentation masks get every segment's geometry (nearest, constant fill): they track the image. */
    @Test
    void masksFollowTheImagesThroughEverySegment() {
        Tensor images = batch(4, 6, 6, 1, 8);
        Tensor masks = Tensor.of(images.data().clone(), 4, 6, 6, 1);
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = pipeline(mode, new FakeLayers.Shift(2, 0, FakeLayers.NEAREST), new FakeLayers.Flip(),
                    new FakeLayers.Shift(1, 0, BILINEAR_CONSTANT));
            SegmentationFlow flow = Flows.pairsFromArrays(p, images, masks,
                    FlowOptions.pairs().batchSize(4).shuffle(false).seed(4));
            Batch b = flow.get(0);
            assertArrayEquals(b.xTensor().data(), b.targets().get(0).data(), mode.name());
            assertFalse(java.util.Arrays.equals(images.data(), b.xTensor().data()));
            Batch again = flow.get(0);
            assertArrayEquals(b.xTensor().data(), again.xTensor().data(),
                    mode + ": again, through the batches the first left between the segments");
            assertArrayEquals(b.targets().get(0).data(), again.targets().get(0).data(), mode.name());
        }
    }

    @Test
    void theValidationSubsetRunsOnlyTheLayersThatAreNotAugmentations() {
        Tensor one = batch(1, 4, 4, 1, 9).item(0);
        Tensor x = Tensor.zeros(4, 4, 4, 1);
        for (int i = 0; i < 4; i++) {
            x.setItem(i, one);
        }
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, new FakeLayers.Flip(), new FakeLayers.Invert(),
                new FakeLayers.Scale(0.5f));
        Batch b = p.flow(x, null, FlowOptions.arrays().batchSize(4).shuffle(false).seed(1).validationSplit(0.5)
                .subset("validation")).get(0);
        float[] half = one.data().clone();
        for (int i = 0; i < half.length; i++) {
            half[i] *= 0.5f;
        }
        assertEquals(2, b.size());
        assertArrayEquals(half, b.xTensor().item(0).data());
        assertArrayEquals(half, b.xTensor().item(1).data());
        assertArrayEquals(half, p.transformImage(one, (java.util.random.RandomGenerator) null).data());
    }

    /**
     * A folder flow that resizes in the warp hands the sources at their own sizes: the first segment
     * resamples them onto the batch size, the later ones run at that size; a Loader hands the batches out.
     */
    @Test
    void aFolderFlowResizingInTheWarpRunsThroughALoader(@TempDir Path root) throws Exception {
        TestImages.write(root.resolve("a/x.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(20, 30, 3)), "png"));
        TestImages.write(root.resolve("b/y.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.blocks(16, 24)), "png"));
        List<float[]> byMode = new ArrayList<>();
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = pipeline(mode, new FakeLayers.Flip(), new FakeLayers.Invert(),
                    new FakeLayers.Shift(1, 0, FakeLayers.NEAREST));
            FileFlow flow = p.flowFromDirectory(root, FlowOptions.directory().targetSize(8, 10).resizeInWarp(true)
                    .batchSize(2).shuffle(false).seed(5));
            try (Loader<Batch> loader = Loader.of(flow, 1, 0)) {
                Batch b = loader.next();
                assertArrayEquals(new int[] {2, 8, 10, 3}, b.xTensor().shape());
                byMode.add(b.xTensor().data());
            }
        }
        assertArrayEquals(byMode.get(0), byMode.get(1));
    }

    private static Tensor sliceOf(Tensor x, int from, int to) {
        List<Tensor> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(x.item(i));
        }
        int[] shape = x.shape().clone();
        shape[0] = to - from;
        Tensor out = Tensor.zeros(shape);
        for (int i = 0; i < items.size(); i++) {
            out.setItem(i, items.get(i));
        }
        return out;
    }
}
