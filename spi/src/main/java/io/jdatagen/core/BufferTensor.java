package io.jdatagen.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A dense row-major tensor stored in a {@link ByteBuffer} in native byte order, as
 * {@link ElementType#FLOAT32}, {@link ElementType#FLOAT16} or {@link ElementType#UINT8}: the
 * {@link DenseTensor} a framework adopts as its own tensor without a copy (DJL's {@code NDManager.create(ByteBuffer, ...)},
 * ND4J's data buffers, or {@code MemorySegment.asByteBuffer()} on JDKs that have it).
 *
 * <p>Kernels write into it through the spi's output slots; element {@code k} (in row-major order)
 * lies at byte {@code k * elementType().bytes()} from the buffer's position zero. The buffer's
 * position and limit are never used or changed.
 */
public final class BufferTensor implements DenseTensor {
    private final ByteBuffer buffer;
    private final ElementType type;
    private final int[] shape;
    private final int size;
    private final FloatBuffer floats;
    private final ShortBuffer shorts;
    private final Consumer<? super ByteBuffer> giveBack;
    private final AtomicBoolean released = new AtomicBoolean();

    private BufferTensor(ByteBuffer buffer, ElementType type, int[] shape, int size,
            Consumer<? super ByteBuffer> giveBack) {
        this.buffer = buffer;
        this.giveBack = giveBack;
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
     * @throws IllegalArgumentException if a dimension is negative or the tensor exceeds 2 GiB
     */
    public static BufferTensor allocate(ElementType type, int... shape) {
        int[] s = Tensor.checkedShape(shape);
        ByteBuffer buffer = ByteBuffer.allocateDirect(byteSize(type, s)).order(ByteOrder.nativeOrder());
        return new BufferTensor(buffer, type, s, (int) Tensor.product(s), null);
    }

    /**
     * {@return the bytes a tensor of this type and shape takes, what {@link #wrap} needs at least}
     *
     * @param type how each element is stored, which sets its bytes
     * @param shape every dimension at least 0
     * @throws IllegalArgumentException if a dimension is negative or the tensor exceeds 2 GiB
     */
    public static int byteSize(ElementType type, int... shape) {
        int[] s = Tensor.checkedShape(shape);
        long bytes = Tensor.product(s) * type.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " of " + type.pythonName()
                    + " needs " + bytes + " bytes, more than one buffer holds");
        }
        return (int) bytes;
    }

    /**
     * Wraps {@code buffer} as {@link #wrap} does, for memory lent by a pool: the first
     * {@link #release()} hands {@code buffer} to {@code giveBack}, later ones do nothing.
     *
     * @param buffer a writable buffer in native byte order, at least as large as the tensor
     * @param type how each element is stored
     * @param giveBack takes the buffer back once the tensor's reader is done with it
     * @param shape every dimension at least 0
     * @return the tensor
     * @throws IllegalArgumentException as {@link #wrap}, or if {@code giveBack} is null
     */
    public static BufferTensor pooled(ByteBuffer buffer, ElementType type, Consumer<? super ByteBuffer> giveBack,
            int... shape) {
        if (giveBack == null) {
            throw new IllegalArgumentException("giveBack must not be null");
        }
        int[] s = checkedWrap(buffer, type, shape);
        return new BufferTensor(buffer, type, s, (int) Tensor.product(s), giveBack);
    }

    /**
     * Wraps {@code buffer} (no copy) as a tensor: element {@code k} at byte {@code k * type.bytes()}.
     *
     * @param buffer a writable buffer in native byte order, at least as large as the tensor
     * @param type the element type
     * @return the tensor
     * @throws IllegalArgumentException if the buffer is read-only, not in native order or too small
     */
    public static BufferTensor wrap(ByteBuffer buffer, ElementType type, int... shape) {
        int[] s = checkedWrap(buffer, type, shape);
        return new BufferTensor(buffer, type, s, (int) Tensor.product(s), null);
    }

    /** {@code shape} checked and copied, after checking that {@code buffer} can hold it. */
    private static int[] checkedWrap(ByteBuffer buffer, ElementType type, int[] shape) {
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
        return s;
    }

    /** {@return the buffer itself (not a copy or a view)} */
    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public ElementType elementType() {
        return type;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public long[] longShape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    @Override
    public int rank() {
        return shape.length;
    }

    @Override
    public int dim(int axis) {
        return shape[Tensor.normalizedAxis(axis, shape.length)];
    }

    @Override
    public int size() {
        return size;
    }

    /** {@return the number of bytes the elements take} */
    public int byteSize() {
        return size * type.bytes();
    }

    @Override
    public float element(int k) {
        return switch (type) {
            case FLOAT32 -> buffer.getFloat(checked(k) * 4);
            case FLOAT16 -> HalfFloat.toFloat(buffer.getShort(checked(k) * 2));
            case UINT8 -> Byte.toUnsignedInt(buffer.get(checked(k)));
        };
    }

    @Override
    public void setElement(int k, float value) {
        put(checked(k), value);
    }

    /** Stores without a bounds check beyond the buffer's own. */
    private void put(int k, float value) {
        switch (type) {
            case FLOAT32 -> buffer.putFloat(k * 4, value);
            case FLOAT16 -> buffer.putShort(k * 2, HalfFloat.fromFloat(value));
            case UINT8 -> buffer.put(k, ElementType.saturatedByte(value));
        }
    }

    /**
     * Stores {@code length} values from {@code values[from]} as elements {@code k} onwards, each
     * converted to the element type.
     *
     * @param k the first element written
     * @param values holds the values
     * @param from the index in {@code values} of the first value
     * @param length how many elements to write
     * @throws IndexOutOfBoundsException if the elements lie outside the tensor
     */
    public void setElements(int k, float[] values, int from, int length) {
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
     * Gives this tensor's memory back to the pool it came from ({@link #pooled}), for a later batch
     * to reuse: call it once nothing reads the tensor (or an array a framework made over it) any
     * more. Does nothing for memory that is not pooled, or the second time.
     */
    @Override
    public void release() {
        if (giveBack != null && released.compareAndSet(false, true)) {
            giveBack.accept(buffer);
        }
    }

    @Override
    public Tensor toTensor() {
        float[] data = new float[size];
        if (type == ElementType.FLOAT32) {
            floats.get(0, data);
        } else {
            for (int k = 0; k < size; k++) {
                data[k] = element(k);
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
