package io.jdatagen.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferTensorTest {
    @Test
    void everyHalfValueSurvivesARoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = HalfFloat.toFloat((short) bits);
            if (Float.isNaN(value)) {
                assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(value))), "NaN " + bits);
            } else {
                assertEquals((short) bits, HalfFloat.fromFloat(value), "half bits " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void theFallbackConversionAgreesWithTheJdksWhereItHasOne() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 2_000_000; i++) {
            float v = i % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextDouble(-70000, 70000)
                    * (i % 3 == 0 ? 0x1p-20f : 1f);
            if (!Float.isNaN(v)) {
                assertEquals(HalfFloat.fromFloat(v), HalfFloat.convert(v), "half of " + v);
            }
        }
        for (int bits = 0; bits < 0x10000; bits++) {
            float v = HalfFloat.toFloat((short) bits);
            float next = Math.nextUp(v);
            if (!Float.isNaN(v)) {
                assertEquals(HalfFloat.fromFloat(next), HalfFloat.convert(next), "half of " + next);
            }
        }
    }

    @Test
    void halfRoundsToNearestWithTiesToEven() {
        float ulpAtOne = 0x1p-10f;
        assertEquals(1f, ElementType.FLOAT16.round(1f + ulpAtOne / 2), "tie goes to the even 1.0");
        assertEquals(1f + 2 * ulpAtOne, ElementType.FLOAT16.round(1f + 1.5f * ulpAtOne), "tie goes to even");
        assertEquals(1f + ulpAtOne, ElementType.FLOAT16.round(1f + 0.6f * ulpAtOne));
        assertEquals(65504f, ElementType.FLOAT16.round(65519f));
        assertEquals(Float.POSITIVE_INFINITY, ElementType.FLOAT16.round(65520f));
        assertEquals(0x1p-24f, ElementType.FLOAT16.round(0x1.8p-25f), "subnormal rounds up above the midpoint");
        assertEquals(0f, ElementType.FLOAT16.round(0x1p-25f), "the midpoint below the least subnormal goes to 0");
        assertEquals(-0.5f, ElementType.FLOAT16.round(-0.5f));
        assertEquals(0.0999755859375f, ElementType.FLOAT16.round(0.1f));
    }

    @Test
    void uint8RoundsHalfToEvenAndSaturates() {
        float[] in = {2.5f, 3.5f, 254.5f, 0.49f, -3f, 300f, Float.NaN, 128.51f};
        float[] out = {2f, 4f, 254f, 0f, 0f, 255f, 0f, 129f};
        for (int i = 0; i < in.length; i++) {
            assertEquals(out[i], ElementType.UINT8.round(in[i]), "uint8 of " + in[i]);
        }
    }

    @Test
    void storesAndReadsEveryTypeInNativeOrder() {
        for (ElementType type : ElementType.values()) {
            BufferTensor t = BufferTensor.allocate(type, 2, 3);
            assertTrue(t.buffer().isDirect());
            assertEquals(ByteOrder.nativeOrder(), t.buffer().order());
            assertEquals(6 * type.bytes(), t.byteSize());
            t.setElements(0, new float[] {9f, 1f, 2.25f, 3f}, 1, 3);
            t.setElement(5, 200.75f);
            assertArrayEquals(new float[] {1f, type.round(2.25f), 3f, 0f, 0f, type.round(200.75f)}, t.toTensor().data(),
                    type.toString());
            assertArrayEquals(new long[] {2, 3}, t.longShape());
        }
        BufferTensor f = BufferTensor.allocate(ElementType.FLOAT32, 2);
        f.setElement(1, 1.5f);
        assertEquals(1.5f, f.buffer().getFloat(4), "element k lies at byte k * 4");
    }

    @Test
    void wrapsTheCallersBufferWithoutACopy() {
        ByteBuffer memory = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        memory.position(3);
        BufferTensor t = BufferTensor.wrap(memory, ElementType.UINT8, 2, 4);
        t.setElements(0, new float[] {5f, 6f}, 0, 2);
        assertSame(memory, t.buffer());
        assertEquals(5, memory.get(0), "the position is ignored");
        assertEquals(3, memory.position(), "the position is left as it was");
    }

    @Test
    void refusesBuffersItCannotWrite() {
        ByteBuffer big = ByteBuffer.allocateDirect(16).order(ByteOrder.BIG_ENDIAN == ByteOrder.nativeOrder()
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BufferTensor.wrap(big, ElementType.FLOAT32, 4))
                .getMessage().contains("native byte order"));
        ByteBuffer small = ByteBuffer.allocateDirect(15).order(ByteOrder.nativeOrder());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BufferTensor.wrap(small, ElementType.FLOAT32, 4))
                .getMessage().contains("needs 16 bytes; the buffer has 15"));
        ByteBuffer readOnly = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).asReadOnlyBuffer();
        assertThrows(IllegalArgumentException.class, () -> BufferTensor.wrap(readOnly, ElementType.UINT8, 4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ElementType.parse("int8")).getMessage()
                .equals("unknown output 'int8'; did you mean 'uint8'? Allowed: float32, float16, uint8"));
        assertThrows(IndexOutOfBoundsException.class, () -> BufferTensor.allocate(ElementType.UINT8, 3).element(3));
    }

    @Test
    void pooledMemoryGoesBackOnceOnTheFirstRelease() {
        ByteBuffer memory = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        List<ByteBuffer> given = new ArrayList<>();
        BufferTensor t = BufferTensor.pooled(memory, ElementType.FLOAT32, given::add, 2, 2);
        t.setElement(3, 2f);
        assertEquals(2f, memory.getFloat(12));
        t.release();
        t.release();
        assertEquals(List.of(memory), given, "given back once, the buffer itself");
        assertEquals(16, BufferTensor.byteSize(ElementType.FLOAT32, 2, 2));
        assertEquals(6, BufferTensor.byteSize(ElementType.FLOAT16, 3));
        assertThrows(IllegalArgumentException.class, () -> BufferTensor.pooled(memory, ElementType.FLOAT32, null, 4));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BufferTensor.pooled(memory, ElementType.FLOAT32, given::add, 5)).getMessage()
                .contains("needs 20 bytes; the buffer has 16"));
    }

    @Test
    void bothMemoriesAreOneDenseTensor() {
        Tensor heap = Tensor.of(new float[] {1f, 2.5f, 3f, 4f}, 2, 2);
        BufferTensor half = BufferTensor.allocate(ElementType.FLOAT16, 2, 2);
        for (DenseTensor t : List.<DenseTensor>of(heap, half)) {
            t.setElement(1, 0.1f);
            assertEquals(t.elementType().round(0.1f), t.element(1), 0f, t.toString());
            assertArrayEquals(new int[] {2, 2}, t.shape());
            assertEquals(4, t.size());
            assertEquals(2, t.rank());
            assertEquals(2, t.dim(-1));
            assertThrows(IllegalArgumentException.class, () -> t.dim(2));
            Tensor copy = t.toTensor();
            copy.data()[1] = 7f;
            assertEquals(t.elementType().round(0.1f), t.element(1), 0f, "toTensor copies: " + t);
        }
        assertEquals(ElementType.FLOAT32, heap.elementType());
        assertEquals(0.1f, heap.data()[1], "setElement writes the array, unrounded");
        assertThrows(IndexOutOfBoundsException.class, () -> heap.element(4));
    }
}
