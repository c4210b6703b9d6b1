package io.jdatagen.spi;

/**
 * A set of kernels: warp, statistics, matrix product and Pillow-style resampling. Implementations
 * are thread-safe: a backend may be called from several loader workers at once.
 */
public interface Backend extends WarpKernel, StatisticsKernel, MatrixKernel, ResampleKernel {
    /** {@return the provider name, e.g. {@code reference}} */
    String name();

    /** {@return one line saying how each kernel is implemented (natively, or delegated to the reference)} */
    String describe();
}
