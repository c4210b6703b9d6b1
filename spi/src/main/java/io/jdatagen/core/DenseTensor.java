package io.jdatagen.core;

/**
 * A dense row-major tensor, in one of the two memories jdatagen writes: a heap float32
 * {@link Tensor} (a {@code float[]} that Java code reads directly) or a {@link BufferTensor}
 * (float32, float16 or uint8 in a {@link java.nio.ByteBuffer} that a framework adopts without a copy).
 * Kernels, output slots and batches take this one type; code that needs one memory or the other
 * switches on it ({@code if (x instanceof BufferTensor b) ...}), and {@link #toTensor()} is the one
 * explicit copy to the heap.
 *
 * <p>Element {@code k} is the {@code k}-th in row-major order; {@link #element} and
 * {@link #setElement} convert between {@code float} and the {@link #elementType()}.
 */
public sealed interface DenseTensor permits Tensor, BufferTensor {
    /** {@return a copy of the shape} */
    int[] shape();

    /** {@return the shape as {@code long}s, as DJL's {@code Shape} and ND4J take it} */
    long[] longShape();

    /** {@return the number of dimensions} */
    int rank();

    /**
     * {@return the length of {@code axis}; negative axes count from the end as in numpy}
     *
     * @param axis 0 to {@code rank() - 1}, or {@code -rank()} to {@code -1} counting from the last
     * @throws IllegalArgumentException if the axis is outside {@code -rank()} to {@code rank() - 1}
     */
    int dim(int axis);

    /** {@return the number of elements, the product of the shape} */
    int size();

    /**
     * Gives the tensor's memory back to the pool that lent it (a flow's batches), for a later batch to
     * reuse: call it once nothing reads the tensor any more. Does nothing for memory that is not
     * pooled, or the second time.
     */
    void release();

    /** {@return how each element is stored: always {@link ElementType#FLOAT32} for a {@link Tensor}} */
    ElementType elementType();

    /**
     * {@return element {@code k} in row-major order, as a float}
     *
     * @param k the flat index, 0 to {@code size() - 1}
     * @throws IndexOutOfBoundsException if {@code k} lies outside the tensor
     */
    float element(int k);

    /**
     * Stores {@code value} as element {@code k} in row-major order, rounded to the element type as
     * {@link ElementType#round} describes.
     *
     * @param k the flat index, 0 to {@code size() - 1}
     * @param value stored as is in a float32 tensor, rounded (and for uint8 saturated) in the others
     * @throws IndexOutOfBoundsException if {@code k} lies outside the tensor
     */
    void setElement(int k, float value);

    /**
     * {@return the values as a new heap float32 tensor of the same shape: always a copy, also of a
     * {@link Tensor}, so that writing either one leaves the other as it was}
     */
    Tensor toTensor();
}
