package io.jdatagen.core;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Consumer;

/**
 * A dense float32 tensor in row-major (C) order, backed by a heap {@code float[]}: the
 * {@link DenseTensor} that Java code reads and writes directly.
 *
 * <p>Images are rank 3 ({@code H,W,C} or {@code C,H,W}) and batches rank 4, see {@link DataFormat};
 * other ranks are allowed for matrices and timeseries windows. The backing array is exposed on
 * purpose ({@link #data()}): kernels and exporters work on it without copies.
 */
public final class Tensor implements DenseTensor {
    /**
     * The most elements a tensor (one Java {@code float[]}) holds: HotSpot refuses arrays of
     * {@code Integer.MAX_VALUE} elements and a few less, so every size check in jdatagen uses this.
     */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Tensor, Consumer> GIVE_BACK =
            AtomicReferenceFieldUpdater.newUpdater(Tensor.class, Consumer.class, "giveBack");

    private final float[] data;
    private final int[] shape;
    /** Takes {@link #data} back on the first {@link #release()}; null when not pooled or released. */
    private volatile Consumer<? super float[]> giveBack;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /**
     * Wraps {@code data} (no copy) as a tensor of the given shape.
     *
     * @return the tensor
     * @throws IllegalArgumentException if a dimension is negative or the sizes disagree
     */
    public static Tensor of(float[] data, int... shape) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        int[] s = checkedShape(shape);
        long size = product(s);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " needs " + size
                    + " elements but data has " + data.length);
        }
        return new Tensor(data, s);
    }

    /**
     * Wraps {@code data} (no copy) as a tensor whose first {@link #release()} hands {@code data} to
     * {@code giveBack}, for a pool that lends arrays to one batch after another: the array is then
     * whatever its last user wrote, so whoever takes it overwrites every element.
     *
     * @return the tensor
     * @throws IllegalArgumentException as {@link #of}, or if {@code giveBack} is null
     */
    public static Tensor pooled(float[] data, Consumer<? super float[]> giveBack, int... shape) {
        if (giveBack == null) {
            throw new IllegalArgumentException("giveBack must not be null");
        }
        Tensor t = of(data, shape);
        t.giveBack = giveBack;
        return t;
    }

    /**
     * {@return a new zero-filled tensor of the given shape}
     */
    public static Tensor zeros(int... shape) {
        int[] s = checkedShape(shape);
        long size = product(s);
        if (size > MAX_ELEMENTS) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " has " + size
                    + " elements, more than one Java array holds");
        }
        return new Tensor(new float[(int) size], s);
    }

    /** {@code shape} copied, after checking it has dimensions and none negative (shared with {@link BufferTensor}). */
    static int[] checkedShape(int[] shape) {
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException("shape must have at least one dimension");
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape must not have negative dimensions: "
                        + Arrays.toString(shape));
            }
        }
        return shape.clone();
    }

    /** The number of elements of {@code shape}. */
    static long product(int[] shape) {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    /** {@return the backing array (not a copy)} */
    public float[] data() {
        return data;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public long[] longShape() {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }

    @Override
    public int rank() {
        return shape.length;
    }

    @Override
    public int dim(int axis) {
        return shape[normalizeAxis(axis)];
    }

    @Override
    public int size() {
        return data.length;
    }

    /** {@return {@link ElementType#FLOAT32}, the only type a heap tensor holds} */
    @Override
    public ElementType elementType() {
        return ElementType.FLOAT32;
    }

    /** {@return {@code data()[k]}} */
    @Override
    public float element(int k) {
        return data[k];
    }

    /** Stores {@code value} as {@code data()[k]}, unrounded. */
    @Override
    public void setElement(int k, float value) {
        data[k] = value;
    }

    /**
     * Gives the backing array back to the pool it came from ({@link #pooled}), for a later batch to
     * reuse: call it once nothing reads the tensor (or a copy being made of it) any more. Does nothing
     * for an array that is not pooled, or the second time.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void release() {
        Consumer<? super float[]> back = GIVE_BACK.getAndSet(this, null);
        if (back != null) {
            back.accept(data);
        }
    }

    /** {@return a deep copy, as {@link #copy()}} */
    @Override
    public Tensor toTensor() {
        return copy();
    }

    /** {@return a deep copy} */
    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    /**
     * {@return a view of the same data with another shape of the same size}
     */
    public Tensor reshape(int... newShape) {
        return Tensor.of(data, newShape);
    }

    /**
     * {@return the element at the given full index}
     */
    public float get(int... index) {
        return data[offsetOf(index)];
    }

    /**
     * Sets the element at the given full index.
     */
    public void set(float value, int... index) {
        data[offsetOf(index)] = value;
    }

    /** {@return the number of elements in one item along axis 0} */
    public int itemSize() {
        return shape[0] == 0 ? 0 : data.length / shape[0];
    }

    /**
     * {@return a copy of item {@code n} along axis 0 (one rank less), e.g. image n of a batch}
     *
     * @param n the count
     */
    public Tensor item(int n) {
        checkItem(n);
        int size = itemSize();
        return Tensor.of(Arrays.copyOfRange(data, n * size, (n + 1) * size),
                Arrays.copyOfRange(shape, 1, shape.length));
    }

    /**
     * Copies {@code value} (whose shape is this shape without axis 0) into item {@code n}.
     *
     * @param n the count
     */
    public void setItem(int n, Tensor value) {
        checkItem(n);
        if (!Arrays.equals(value.shape, Arrays.copyOfRange(shape, 1, shape.length))) {
            throw new IllegalArgumentException("item shape " + Arrays.toString(value.shape)
                    + " does not fit tensor of shape " + Arrays.toString(shape));
        }
        System.arraycopy(value.data, 0, data, n * itemSize(), value.data.length);
    }

    private void checkItem(int n) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("item access needs rank >= 2, shape is "
                    + Arrays.toString(shape));
        }
        if (n < 0 || n >= shape[0]) {
            throw new IndexOutOfBoundsException("item " + n + " out of range for axis 0 of length "
                    + shape[0]);
        }
    }

    private int normalizeAxis(int axis) {
        return normalizedAxis(axis, shape.length);
    }

    /** {@code axis} of a tensor of rank {@code rank} counted from the front (shared with {@link BufferTensor}). */
    static int normalizedAxis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank "
                    + rank);
        }
        return a;
    }

    private int offsetOf(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length
                    + " for tensor of rank " + shape.length);
        }
        int offset = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
                        + " out of bounds for shape " + Arrays.toString(shape));
            }
            offset = offset * shape[i] + index[i];
        }
        return offset;
    }

    /** Tensors are equal when shapes and all element bit patterns are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
