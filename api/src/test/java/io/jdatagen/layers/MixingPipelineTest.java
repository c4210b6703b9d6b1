package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MixUp and CutMix drawn and applied by a pipeline's batch stage, on heap and buffer-backed batches. */
class MixingPipelineTest {
    private static final int N = 6;

    private static Batch batch() {
        Tensor x = Tensor.zeros(N, 5, 7, 3);
        float[] v = x.data();
        for (int k = 0; k < v.length; k++) {
            v[k] = (k * 37) % 256;
        }
        Tensor y = Tensor.zeros(N, 4);
        for (int i = 0; i < N; i++) {
            y.set(1f, i, i % 4);
        }
        return Batch.of(x, y, new int[] {10, 11, 12, 13, 14, 15});
    }

    private static StepPipeline pipeline() {
        return new StepPipeline(List.of(new MixUp(), new CutMix()), new Resampling(Interpolation.NEAREST,
                FillMode.CONSTANT, 0, WrapConvention.SCIPY), new ReferenceBackend(), DataFormat.CHANNELS_LAST, null,
                null);
    }

    @Test
    void theSameStreamGivesTheSameBatchAndLabelsStayDistributions() {
        Batch once = pipeline().augmentBatch(batch(), new SplittableRandom(7));
        Batch again = pipeline().augmentBatch(batch(), new SplittableRandom(7));
        assertEquals(once, again);
        assertNotEquals(once, pipeline().augmentBatch(batch(), new SplittableRandom(8)));
        assertNotEquals(batch(), once);
        assertArrayEquals(batch().indices(), once.indices());
        for (int i = 0; i < N; i++) {
            float sum = 0;
            for (int j = 0; j < 4; j++) {
                sum += once.y().get(i, j);
            }
            assertEquals(1f, sum, 1e-5f, "label row " + i);
        }
    }

    @Test
    void aBufferBackedBatchIsMixedInPlaceWithTheHeapBatchsValues() {
        Batch heap = batch();
        BufferTensor buffer = BufferTensor.allocate(ElementType.FLOAT32, N, 5, 7, 3);
        for (int k = 0; k < buffer.size(); k++) {
            buffer.setElement(k, heap.xTensor().data()[k]);
        }
        Batch buffered = Batch.of(buffer, List.of(), List.of(heap.y()), null, heap.indices(), List.of());
        MixUp mixUp = new MixUp(0.4);
        MixUp.Mixing mixing = mixUp.draw(N, new SplittableRandom(3));
        Batch fromHeap = mixUp.apply(mixing, heap);
        Batch fromBuffer = mixUp.apply(mixing, buffered);
        assertSame(buffer, fromBuffer.x());
        assertArrayEquals(fromHeap.xTensor().data(), buffer.toTensor().data());
        assertEquals(fromHeap.y(), fromBuffer.y());
    }
}
