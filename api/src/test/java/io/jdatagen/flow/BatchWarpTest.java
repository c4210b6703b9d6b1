package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.DenseTensor;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flow hands each batch to its backend as one {@code warpBatch} call, whatever the per-sample steps. */
class BatchWarpTest {
    /** The reference backend, counting the calls that reach it. */
    private static final class CountingBackend implements Backend {
        private final ReferenceBackend reference = new ReferenceBackend();
        int warps;
        int batchWarps;
        int batchImages;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String describe() {
            return "counting calls into the reference";
        }

        @Override
        public synchronized void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
            warps++;
            reference.warp(source, plan, output);
        }

        @Override
        public synchronized void warpBatch(List<SourceImage> sources, List<WarpPlan> plans, DenseTensor batch,
                DataFormat format) {
            batchWarps++;
            batchImages += sources.size();
            reference.warpBatch(sources, plans, batch, format);
        }

        @Override
        public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
            return reference.channelStatistics(batch, format);
        }

        @Override
        public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
            reference.multiply(a, rows, inner, b, cols, out);
        }

        @Override
        public void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
                byte[] out) {
            reference.resampleRows(src, srcWidth, channels, firstRow, rows, table, out);
        }

        @Override
        public void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
            reference.resampleColumns(src, width, channels, table, out);
        }

        @Override
        public void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
            reference.resampleNearest(src, srcWidth, channels, rows, cols, out);
        }
    }

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
}
