package io.jdatagen.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void indexingIsRowMajor() {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 3, 2);
        assertEquals(7f, t.get(1, 0, 1));
        t.set(42f, 0, 2, 1);
        assertEquals(42f, t.data()[5]);
        assertEquals(3, t.dim(-2));
        assertEquals(6, t.itemSize());
    }

    @Test
    void itemsCopyAndWriteBack() {
        Tensor batch = Tensor.zeros(3, 2, 2, 1);
        Tensor image = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2, 1);
        batch.setItem(1, image);
        assertArrayEquals(new float[] {1, 2, 3, 4}, batch.item(1).data());
        assertNotSame(batch.data(), batch.item(1).data());
        assertThrows(IndexOutOfBoundsException.class, () -> batch.item(3));
        assertThrows(IllegalArgumentException.class, () -> batch.setItem(0, Tensor.zeros(2, 2, 2)));
    }

    @Test
    void reshapeSharesDataAndChecksSize() {
        Tensor t = Tensor.zeros(4, 3);
        assertSame(t.data(), t.reshape(2, 6).data());
        var e = assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 2));
        assertEquals("shape [5, 2] needs 10 elements but data has 12", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(4, 0));
    }

    @Test
    void equalityIsByShapeAndValues() {
        assertEquals(Tensor.of(new float[] {1, 2}, 2, 1), Tensor.of(new float[] {1, 2}, 2, 1));
        assertEquals(false, Tensor.of(new float[] {1, 2}, 2, 1).equals(Tensor.of(new float[] {1, 2}, 1, 2)));
    }

    @Test
    void aPooledTensorGivesItsArrayBackOnceAndOthersNever() {
        java.util.List<float[]> given = new java.util.ArrayList<>();
        float[] data = new float[6];
        Tensor t = Tensor.pooled(data, given::add, 2, 3);
        assertSame(data, t.data());
        t.release();
        t.release();
        assertEquals(1, given.size());
        assertSame(data, given.get(0));
        Tensor.of(new float[2], 2).release();
        Tensor.zeros(3).release();
        assertEquals(1, given.size(), "tensors not from a pool give nothing back");
        assertThrows(IllegalArgumentException.class, () -> Tensor.pooled(data, null, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.pooled(data, given::add, 7));
    }
}
