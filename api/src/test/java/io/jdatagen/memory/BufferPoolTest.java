package io.jdatagen.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    @Test
    void aPoolHandsReleasedMemoryOutAgainUpToItsBound() {
        BufferPool pool = new BufferPool(1);
        BufferTensor a = pool.take(ElementType.FLOAT32, 2, 2);
        BufferTensor b = pool.take(ElementType.FLOAT32, 2, 2);
        assertNotSame(a.buffer(), b.buffer());
        a.release();
        b.release();
        a.release();
        assertEquals(1, pool.freeBuffers(), "one kept, the other left to the collector");
        BufferTensor c = pool.take(ElementType.UINT8, 16);
        assertSame(a.buffer(), c.buffer(), "same byte size, any type");
        assertEquals(0, pool.freeBuffers());
        assertNotSame(a.buffer(), pool.take(ElementType.UINT8, 15).buffer(), "other sizes get new memory");
        BufferTensor.allocate(ElementType.UINT8, 4).release();
        assertEquals(0, pool.freeBuffers(), "memory not from the pool is not taken in");
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(0));
    }

    @Test
    void heapArraysAreLentAgainByLengthAndKeptSeparateFromBuffers() {
        BufferPool pool = new BufferPool(1);
        Tensor a = pool.takeHeap(2, 3);
        Tensor b = pool.takeHeap(2, 3);
        assertNotSame(a.data(), b.data());
        a.data()[5] = 4;
        a.release();
        b.release();
        a.release();
        assertEquals(1, pool.freeArrays(), "one kept, the other left to the collector");
        assertEquals(0, pool.freeBuffers());
        Tensor c = pool.takeHeap(3, 2);
        assertSame(a.data(), c.data(), "same length, any shape");
        assertEquals(4f, c.data()[5], "a lent array holds what was last written");
        assertEquals(6, pool.take(ElementType.FLOAT32, 6).size(), "released arrays are not direct memory");
        assertNotSame(a.data(), pool.takeHeap(5).data(), "other lengths get new arrays");
        Tensor.zeros(6).release();
        assertEquals(0, pool.freeArrays(), "arrays not from the pool are not taken in");
        assertThrows(IllegalArgumentException.class, () -> pool.takeHeap(2, -3));
    }
}
