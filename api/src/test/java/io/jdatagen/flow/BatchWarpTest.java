package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** A flow hands each batch to its backend as one {@code warpBatch} call, whatever the per-sample steps. */
class BatchWarpTest {
    @Test
    void anArrayFlowWarpsEachBatchInOneCall() {
        for (boolean fused : new boolean[] {true, false}) {
            CountingBackend backend = new CountingBackend();
            ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(20).horizontalFlip(true)
                    .rescale(1 / 255.0).channelShiftRange(fused ? 0 : 10).backend(backend).build();
            ArrayFlow flow = g.flow(ArrayFlowTest.images(40, 12, 14, 3, 5), null,
                    FlowOptions.arrays().batchSize(16).seed(3));
            Batch first = flow.get(0);
            Batch last = flow.get(2);
            assertEquals(2, backend.batchWarps, "one warpBatch per batch (fused plan: " + fused + ")");
            assertEquals(16 + 8, backend.batchImages);
            assertEquals(0, backend.warps, "no per-image warp");
            assertArrayEquals(new int[] {16, 12, 14, 3}, first.x().shape());
            assertArrayEquals(new int[] {8, 12, 14, 3}, last.x().shape());
        }
    }

    @Test
    void aBackendThatWarpsImageByImageHasEachSampleWarpedThenFinishedWithTheSameResult() {
        for (boolean stepsAfterWarp : new boolean[] {true, false}) {
            CountingBackend whole = new CountingBackend();
            CountingBackend each = CountingBackend.imageByImage();
            Batch[] firsts = new Batch[2];
            Batch[] lasts = new Batch[2];
            CountingBackend[] backends = {whole, each};
            for (int k = 0; k < 2; k++) {
                ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(20).horizontalFlip(true)
                        .rescale(1 / 255.0).channelShiftRange(stepsAfterWarp ? 10 : 0).samplewiseCenter(stepsAfterWarp)
                        .backend(backends[k]).build();
                ArrayFlow flow = g.flow(ArrayFlowTest.images(40, 12, 14, 3, 5), null,
                        FlowOptions.arrays().batchSize(16).seed(3));
                firsts[k] = flow.get(0);
                lasts[k] = flow.get(2);
            }
            String what = stepsAfterWarp ? "with steps after the warp" : "a plan the warp does whole";
            assertArrayEquals(firsts[0].xTensor().data(), firsts[1].xTensor().data(), what);
            assertArrayEquals(lasts[0].xTensor().data(), lasts[1].xTensor().data(), what);
            assertEquals(2, whole.batchWarps, what);
            assertEquals(0, whole.warps, what);
            assertEquals(stepsAfterWarp ? 0 : 2, each.batchWarps, what);
            assertEquals(stepsAfterWarp ? 16 + 8 : 0, each.warps, what + ": each sample warped, then finished");
        }
    }

    @Test
    void aBatchWarpEqualsTheSamplesAugmentedOneByOne() {
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(30).zoomRange(0.2).verticalFlip(true)
                .brightnessRange(0.7, 1.3).rescale(1 / 255.0).backend(new CountingBackend()).build();
        Tensor x = ArrayFlowTest.images(16, 10, 11, 3, 8);
        Batch b = g.flow(x, null, FlowOptions.arrays().batchSize(16).shuffle(false).seed(9)).get(0);
        Tensor one = Tensor.zeros(1, 10, 11, 3);
        for (int i = 0; i < 16; i++) {
            g.augmentInto(SourceImage.of(x.item(i), DataFormat.CHANNELS_LAST),
                    io.jdatagen.data.RandomKeys.forSample(9, 0, i), one, 0);
            assertArrayEquals(one.item(0).data(), b.xTensor().item(i).data(), "sample " + i);
        }
    }

    @Test
    void segmentationPairsWarpImagesAndMasksInOneCallEach() {
        CountingBackend backend = new CountingBackend();
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(15).backend(backend).build();
        Tensor images = ArrayFlowTest.images(16, 9, 9, 3, 1);
        Tensor masks = ArrayFlowTest.images(16, 9, 9, 1, 2);
        Batch b = g.flowPairs(images, masks, FlowOptions.pairs().batchSize(16).seed(4)).get(0);
        assertEquals(2, backend.batchWarps, "images, then masks");
        assertEquals(0, backend.warps);
        assertArrayEquals(new int[] {16, 9, 9, 1}, b.y().shape());
    }

    @Test
    void aGeneratorResizeAndMasksOfAnotherSizeMakeOnlyBatchCalls() {
        CountingBackend backend = new CountingBackend();
        ImageDataGenerator g = ImageDataGenerator.builder().resize(12, 10).rotationRange(20).horizontalFlip(true)
                .channelShiftRange(15).backend(backend).build();
        Tensor images = ArrayFlowTest.images(16, 9, 7, 3, 5);
        Tensor masks = ArrayFlowTest.images(16, 9, 7, 1, 6);
        PairFlowOptions options = FlowOptions.pairs().batchSize(16).seed(8);
        Batch b = g.flowPairs(images, masks, options).get(0);
        assertEquals(0, backend.warps, "no per-sample warp");
        assertEquals(2, backend.batchWarps, "one for the images and one for the masks, each resized in its plan");
        assertEquals(2 * 16, backend.batchImages);
        assertArrayEquals(new int[] {16, 12, 10, 3}, b.x().shape());
        assertArrayEquals(new int[] {16, 12, 10, 1}, b.y().shape());

        // The reference route: every image and mask resized on its own (a warp per sample), then a
        // generator without resize on the resized arrays.
        ImageDataGenerator plain = ImageDataGenerator.builder().rotationRange(20).horizontalFlip(true)
                .channelShiftRange(15).backend(new ReferenceBackend()).build();
        Batch expected = plain.flowPairs(resizedOneByOne(images, Interpolation.BILINEAR),
                resizedOneByOne(masks, Interpolation.NEAREST), options).get(0);
        assertArrayEquals(expected.xTensor().data(), b.xTensor().data());
        assertArrayEquals(expected.y().data(), b.y().data());
    }

    /** Each image of {@code batch} resized to 12x10 by its own warp, centres aligned and edges clamped. */
    private static Tensor resizedOneByOne(Tensor batch, Interpolation interpolation) {
        int n = batch.dim(0);
        int h = batch.dim(1);
        int w = batch.dim(2);
        Tensor out = Tensor.zeros(n, 12, 10, batch.dim(3));
        double ry = h / 12.0;
        double rx = w / 10.0;
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx, 0.5 * rx - 0.5})
                .interpolation(interpolation).fill(FillMode.NEAREST, 0).build();
        ReferenceBackend reference = new ReferenceBackend();
        for (int i = 0; i < n; i++) {
            reference.warp(SourceImage.of(batch.item(i), DataFormat.CHANNELS_LAST), plan,
                    OutputSlot.of(out, i, DataFormat.CHANNELS_LAST));
        }
        return out;
    }
}
