package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
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
}
