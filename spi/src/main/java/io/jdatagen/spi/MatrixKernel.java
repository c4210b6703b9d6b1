package io.jdatagen.spi;

/** Kernel contract: the matrix product used by ZCA whitening. */
public interface MatrixKernel {
    /**
     * {@code out = a · b}, where {@code a} is {@code rows × inner} float32 (row-major), {@code b} is {@code
     * inner × cols} float64 (row-major), and each dot product accumulates in double before it is rounded to
     * float32. {@code out} must not alias {@code a}.
     *
     * @param a the left operand
     * @param b the right operand
     * @throws IllegalArgumentException if an array is too small or {@code out} aliases {@code a}
     */
    void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out);
}
