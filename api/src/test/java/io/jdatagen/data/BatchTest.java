package io.jdatagen.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch hands out its first input as written, heap or buffer, and copies only when asked to. */
class BatchTest {
    private static final Tensor LABELS = Tensor.of(new float[] {0f, 1f}, 2);
    private static final Tensor EXTRA = Tensor.of(new float[] {5f, 6f}, 2, 1);

    @Test
    void aHeapBatchGivesItsTensorsThemselves() {
        Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
        Batch b = new Batch(List.of(x, EXTRA), List.of(LABELS), null, new int[] {0, 1});
        assertSame(x, b.x());
        assertSame(x, b.xTensor());
        assertEquals(List.of(x, EXTRA), b.inputs());
        assertEquals(List.of(EXTRA), b.extraInputs());
        b.release();
        assertThrows(IllegalArgumentException.class, () -> new Batch(List.of(), List.of(), null, new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Batch.of(null, List.of(), List.of(), null, new int[0], List.of()));
    }

    @Test
    void aBufferBatchNeverCopiesSilently() {
        ByteBuffer memory = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        List<ByteBuffer> given = new ArrayList<>();
        BufferTensor x = BufferTensor.pooled(memory, ElementType.FLOAT16, given::add, 2, 2);
        for (int k = 0; k < 4; k++) {
            x.setElement(k, k + 1f);
        }
        Batch b = Batch.of(x, List.of(EXTRA), List.of(LABELS), null, new int[] {0, 1}, List.of());
        assertSame(x, b.x(), "x() is the buffer");
        assertSame(x, b.inputs().get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, b::xTensor);
        assertTrue(e.getMessage().contains("x().toTensor()"), e.getMessage());
        Batch heap = new Batch(List.of(x.toTensor(), EXTRA), List.of(LABELS), null, new int[] {0, 1});
        assertEquals(heap, b, "batches compare by values");
        assertEquals(heap.hashCode(), b.hashCode());
        x.setElement(0, 9f);
        assertNotEquals(heap, b);
        b.release();
        b.release();
        assertEquals(List.of(memory), given, "release gives the memory back once");
    }
}
