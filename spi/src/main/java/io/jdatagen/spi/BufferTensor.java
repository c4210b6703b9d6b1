package io.jdatagen.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A dense row-major tensor stored in a {@link ByteBuffer} in native byte order, as
 * {@link ElementType#FLOAT32}, {@link ElementType#FLOAT16} or {@link ElementType#UINT8}: the memory
 * a framework adopts as its own tensor without a copy (DJL's {@code NDManager.create(ByteBuffer, ...)},
 * ND4J's data buffers, or {@code MemorySegment.asByteBuffer()} on JDKs that have it).
 *
 * <p>Kernels write into it through {@link OutputSlot}; element {@code k} (in row-major order)
 * lies at byte {@code k * elementType().bytes()} from the buffer's position zero. The buffer's
 * position and limit are never used or changed.
 */
public final class BufferTensor {
    private final ByteBuffer buffer;
    private final ElementType type;
    private final int[] shape;
    private final int size;
    private final FloatBuffer floats;
    private final ShortBuffer shorts;
    private final BufferPool pool;
    private final AtomicBoolean released = new AtomicBoolean();

    private BufferTensor(ByteBuffer buffer, ElementType type, int[] shape, int size, BufferPool pool) {
        this.buffer = buffer;
        this.pool = pool;
        ByteBuffer whole = buffer.duplicate().order(buffer.order());
        whole.clear();
        this.floats = whole.asFloatBuffer();
        this.shorts = whole.asShortBuffer();
        this.type = type;
        this.shape = shape;
        this.size = size;
    }

    /**
     * {@return a zero-filled tensor in newly allocated direct memory}
     *
     * @param type the element type
     * @param shape the shape
     * @throws IllegalArgumentException if a dimension is negative or the tensor exceeds 2 GiB
     */
    public static BufferTensor allocate(ElementType type, int... shape) {
        int[] s = Tensor.checkedShape(shape);
        ByteBuffer buffer = ByteBuffer.allocateDirect(byteSize(type, s)).order(ByteOrder.nativeOrder());
        return new BufferTensor(buffer, type, s, (int) Tensor.product(s), null);
    }

    /** {@return the bytes a tensor of this type and (checked) shape takes} */
    static int byteSize(ElementType type, int[] shape) {
        long bytes = Tensor.product(shape) * type.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + type.pythonName()
                    + " needs " + bytes + " bytes, more than one buffer holds");
        }
        return (int) bytes;
    }

    /** A tensor over {@code memory} (exactly its size, in native order) from {@code pool}. */
    static BufferTensor pooled(ByteBuffer memory, ElementType type, int[] shape, BufferPool pool) {
        return new BufferTensor(memory, type, shape, (int) Tensor.product(shape), pool);
    }

    /**
     * Wraps {@code buffer} (no copy) as a tensor: element {@code k} at byte {@code k * type.bytes()}.
     *
     * @param buffer a writable buffer in native byte order, at least as large as the tensor
     * @param type the element type
     * @param shape the shape
     * @return the tensor
     * @throws IllegalArgumentException if the buffer is read-only, not in native order or too small
     */
    public static BufferTensor wrap(ByteBuffer buffer, ElementType type, int... shape) {
        if (buffer == null || type == null) {
            throw new IllegalArgumentException("buffer and type must not be null");
        }
        int[] s = Tensor.checkedShape(shape);
        long bytes = Tensor.product(s) * type.bytes();
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("buffer must be writable");
        }
        if (buffer.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("buffer must be in native byte order (" + ByteOrder.nativeOrder()
                    + "); got " + buffer.order());
        }
        if (buffer.capacity() < bytes) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " of " + type.pythonName()
                    + " needs " + bytes + " bytes; the buffer has " + buffer.capacity());
        }
        return new BufferTensor(buffer, type, s, (int) Tensor.product(s), null);
    }

    /** {@return the buffer itself (not a copy or a view)} */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** {@return the element type} */
    public ElementType elementType() {
        return type;
    }

    /** {@return a copy of the shape} */
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the shape as {@code long}s, as DJL's {@code Shape} and ND4J take it} */
    public long[] longShape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    /** {@return the number of dimensions} */
    public int rank() {
        return shape.length;
    }

    /** {@return the number of elements} */
    public int size() {
        return size;
    }

    /** {@return the number of bytes the elements take} */
    public int byteSize() {
        return size * type.bytes();
    }

    /**
     * {@return element {@code k} in row-major order, as a float}
     *
     * @param k the element
     */
    public float get(int k) {
        return switch (type) {
            case FLOAT32 -> buffer.getFloat(checked(k) * 4);
            case FLOAT16 -> HalfFloat.toFloat(buffer.getShort(checked(k) * 2));
            case UINT8 -> Byte.toUnsignedInt(buffer.get(checked(k)));
        };
    }

    /**
     * Stores {@code value} as element {@code k}, converted to the element type.
     *
     * @param k the element
     * @param value the value
     */
    public void set(int k, float value) {
        put(checked(k), value);
    }

    /** Stores without a bounds check beyond the buffer's own. */
    void put(int k, float value) {
        switch (type) {
            case FLOAT32 -> buffer.putFloat(k * 4, value);
            case FLOAT16 -> buffer.putShort(k * 2, HalfFloat.fromFloat(value));
            case UINT8 -> buffer.put(k, ElementType.saturatedByte(value));
        }
    }

    /**
     * Stores {@code length} values from {@code values[from]} as elements {@code k} onwards.
     *
     * @param k the first element
     * @param values the values
     * @param from the first value
     * @param length how many
     */
    public void set(int k, float[] values, int from, int length) {
        if (k < 0 || length < 0 || k > size - length) {
            throw new IndexOutOfBoundsException("elements " + k + ".." + (k + length) + " of " + size);
        }
        switch (type) {
            case FLOAT32 -> floats.put(k, values, from, length);
            case FLOAT16 -> {
                short[] half = new short[length];
                for (int i = 0; i < length; i++) {
                    half[i] = HalfFloat.fromFloat(values[from + i]);
                }
                shorts.put(k, half);
            }
            case UINT8 -> {
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    bytes[i] = ElementType.saturatedByte(values[from + i]);
                }
                buffer.put(k, bytes);
            }
        }
    }

    /**
     * Gives this tensor's memory back to the {@link BufferPool} it came from, for a later batch to
     * reuse: call it once nothing reads the tensor (or an array a framework made over it) any more.
     * Does nothing for memory that is not pooled, or the second time.
     */
    public void release() {
        if (pool != null && released.compareAndSet(false, true)) {
            pool.give(buffer);
        }
    }

    /** {@return the values as a float32 heap tensor of the same shape (a copy)} */
    public Tensor toTensor() {
        float[] data = new float[size];
        if (type == ElementType.FLOAT32) {
            floats.get(0, data);
        } else {
            for (int k = 0; k < size; k++) {
                data[k] = get(k);
            }
        }
        return Tensor.of(data, shape);
    }

    private int checked(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("element " + k + " out of " + size);
        }
        return k;
    }

    @Override
    public String toString() {
        return "BufferTensor" + Arrays.toString(shape) + " " + type.pythonName()
                + (buffer.isDirect() ? " direct" : " heap");
    }
}
